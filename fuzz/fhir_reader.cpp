// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The FHIR reader on any bytes (bundles come from the outside network).

#include "fuzz/clinicalcheck.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const ClinicalReadResult result = FhirBundleReader::read(Fuzz::bytes(data, size));
    if (result.ok())
        FUZZ_CHECK(result.record.format == ClinicalRecord::Format::Fhir);
    Fuzz::checkClinical(result);
    return 0;
}
