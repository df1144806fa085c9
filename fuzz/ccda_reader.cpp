// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The C-CDA reader on any bytes (documents come from the outside network).

#include "fuzz/clinicalcheck.h"

#include "services/clinical/ccdareader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const ClinicalReadResult result = CcdaReader::read(Fuzz::bytes(data, size));
    if (result.ok())
        FUZZ_CHECK(result.record.format == ClinicalRecord::Format::Ccda);
    Fuzz::checkClinical(result);
    return 0;
}
