#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 ClinicDesk developers
# SPDX-License-Identifier: GPL-3.0-or-later
# scripts/metriport-sdk-check.sh BASE_URL API_KEY: drives a Metriport API at BASE_URL (our
# sandbox, on loopback) with Metriport's own npm client, @metriport/api-sdk, unchanged: facility,
# patient create (twice: the second must come back as the same patient), get, update with the
# eTag, list with paging, match, document query and its documents, a download URL fetched,
# consolidated and network queries, settings and webhook status, delete. Prints one JSON
# object of what it saw and exits 0; exits 1 on the first SDK error (printed), 3 when node or
# npm is missing, 4 when the SDK cannot be installed. Installed once into a cache outside the
# repository, as scripts/node-x12-check.sh does.
set -euo pipefail

if [ $# -ne 2 ]; then
    echo "usage: scripts/metriport-sdk-check.sh BASE_URL API_KEY" >&2
    exit 2
fi
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    echo "metriport-sdk-check: node and npm are needed (scripts/test installs them)" >&2
    exit 3
fi

source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
version=18.20.0
npm_dir="${XDG_CACHE_HOME:-$HOME/.cache}/clinicdesk-test/npm-metriport"
if ! npm_install_pinned "$npm_dir" "@metriport/api-sdk@$version"; then
    echo "metriport-sdk-check: npm could not install @metriport/api-sdk@$version:" >&2
    tail -n 20 "$npm_dir/install.log" >&2
    exit 4
fi

NODE_PATH="$npm_dir/node_modules" node - "$1" "$2" <<'JS'
'use strict';
const { MetriportMedicalApi } = require('@metriport/api-sdk');
const [baseAddress, apiKey] = process.argv.slice(2);
const api = new MetriportMedicalApi(apiKey, { baseAddress, timeout: 10000 });
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

async function until(what, check, ms = 15000) {
    const end = Date.now() + ms;
    for (;;) {
        const value = await check();
        if (value) return value;
        if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
        await sleep(200);
    }
}

(async () => {
    const seen = {};
    const facility = await api.createFacility({
        name: 'SDK Check Clinic', npi: '1234567893', active: true,
        address: { addressLine1: '1 Main St', city: 'Springfield', state: 'OR', zip: '97477', country: 'USA' },
    });
    seen.facilityId = facility.id;
    seen.facilities = (await api.listFacilities()).length;

    const jane = {
        firstName: 'Jane', lastName: 'Smith', dob: '1996-02-10', genderAtBirth: 'F',
        address: [{ addressLine1: '123 DustyDepot Ave', city: 'Springfield', state: 'OR', zip: '10001', country: 'USA' }],
        contact: [{ phone: '5035551234' }], externalId: 'MRN-SDK-1',
    };
    const created = await api.createPatient(jane, facility.id);
    const again = await api.createPatient({ ...jane, firstName: 'JANE' }, facility.id);
    seen.patientId = created.id;
    seen.secondCreateSameId = again.id === created.id;

    const read = await api.getPatient(created.id);
    seen.readFirstName = read.firstName;
    const updated = await api.updatePatient({ ...read, lastName: 'Smith-Jones' }, facility.id);
    seen.updatedLastName = updated.lastName;
    seen.eTagChanged = updated.eTag !== read.eTag;
    try {
        await api.updatePatient({ ...read, lastName: 'Stale' }, facility.id);
        seen.staleUpdate = 'accepted';
    } catch (e) {
        seen.staleUpdate = e.response ? e.response.status : String(e);
    }

    await api.createPatient({ ...jane, firstName: 'Ollie', lastName: 'Brown', dob: '1946-03-18', genderAtBirth: 'M', externalId: 'MRN-SDK-2' }, facility.id);
    await api.createPatient({ ...jane, firstName: 'Chris', dob: '1995-01-01', genderAtBirth: 'M', externalId: 'MRN-SDK-3' }, facility.id);
    const page1 = await api.listPatients({ facilityId: facility.id, pagination: { count: 2 } });
    seen.page1 = page1.patients.length;
    seen.total = page1.meta.itemsInTotal;
    const page2 = page1.meta.nextPage ? await api.listPatientsPage(page1.meta.nextPage) : { patients: [] };
    seen.page2 = page2.patients.length;

    const match = await api.matchPatient({ ...jane, lastName: 'Smith-Jones' });
    seen.matchId = match ? match.id : null;
    const none = await api.matchPatient({ ...jane, firstName: 'Zed', dob: '1990-01-01' });
    seen.noMatch = none === undefined;

    const started = await api.startDocumentQuery(created.id, facility.id, { purpose: 'sdk-check' });
    seen.queryStarted = started.download ? started.download.status : null;
    const done = await until('the document query', async () => {
        const status = await api.getDocumentQueryStatus(created.id);
        return status.download && status.download.status === 'completed' ? status : null;
    });
    seen.downloaded = done.download.total;
    const documents = (await api.listDocuments(created.id)).documents;
    seen.documents = documents.length;
    if (documents.length > 0) {
        const fileName = documents[0].content[0].attachment.title;
        const { url } = await api.getDocumentUrl(fileName);
        const response = await fetch(url);
        seen.downloadStatus = response.status;
        seen.downloadBytes = (await response.arrayBuffer()).byteLength;
    }

    const consolidated = await api.startConsolidatedQuery(created.id, undefined, undefined, undefined, 'json');
    seen.consolidatedStarted = consolidated.status;
    const finished = await until('the consolidated query', async () => {
        const status = await api.getConsolidatedQueryStatus(created.id);
        return status.queries.find(q => q.requestId === consolidated.requestId && q.status === 'completed');
    });
    seen.consolidatedDone = finished.status;

    const network = await api.startNetworkQuery({ patientId: created.id, sources: ['hie', 'pharmacy'] });
    seen.networkSources = network.sources.map(s => s.type).sort().join(',');
    const networkDone = await until('the network query', async () => {
        const status = await api.getNetworkQueryStatus({ requestId: network.requestId });
        return status.status === 'completed' ? status : null;
    });
    seen.networkStatus = networkDone.status;

    const settings = await api.getSettings();
    seen.settingsHasKey = typeof settings.webhookKey === 'string';
    const webhook = await api.getWebhookStatus();
    seen.webhookStatusKeys = Object.keys(webhook).sort().join(',');
    await api.retryWebhookRequests();

    const fresh = await api.getPatient(created.id);
    await api.deletePatient(created.id, facility.id, fresh.eTag);
    try {
        await api.getPatient(created.id);
        seen.afterDelete = 'found';
    } catch (e) {
        seen.afterDelete = e.response ? e.response.status : String(e);
    }
    console.log(JSON.stringify(seen));
})().catch(e => {
    const detail = e.response ? `HTTP ${e.response.status} ${JSON.stringify(e.response.data)}` : (e.stack || String(e));
    console.error(`metriport-sdk-check: ${detail}`);
    process.exit(1);
});
JS
