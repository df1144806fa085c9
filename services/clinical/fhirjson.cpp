// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/clinical/fhirjson.h"

FhirJsonDocument::FhirJsonDocument(int maxDepth)
    : m_maxDepth(maxDepth)
{
}

simdjson::error_code FhirJsonDocument::parse(const QByteArray &json)
{
    const size_t size = size_t(json.size());
    // simdjson refuses a document whose depth reaches max_depth: one more lets in ours.
    if (const auto error = m_parser.allocate(size, size_t(m_maxDepth) + 1))
        return error;
    // simdjson reads whole blocks past the end of the text: a buffer with that much spare
    // capacity is read where it is, any other is copied once into a padded one by simdjson.
    const bool padded = json.capacity() - json.size() >= qsizetype(simdjson::SIMDJSON_PADDING);
    return m_parser.parse(json.constData(), size, !padded).get(m_root);
}
