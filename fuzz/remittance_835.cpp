// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The 835 reader on any bytes: what it says does not balance is exactly what does not
// balance, and the list and streaming forms read the same claims.

#include "fuzz/fuzzsupport.h"

#include "services/claims/remittance835reader.h"

#include <QBuffer>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QByteArray input = Fuzz::bytes(data, size);
    const QString source = QStringLiteral("fuzz.835");

    const Remittance835Result listed = Remittance835Reader::read(input, source);
    if (listed.ok()) {
        FUZZ_CHECK(listed.claims >= listed.remittances.size());
        for (qsizetype i = 0; i < listed.remittances.size(); ++i) {
            const Remittance &remittance = listed.remittances.at(i);
            FUZZ_CHECK(remittance.source == source);
            QString why;
            const bool balances = remittance.balances(&why);
            FUZZ_CHECK(balances == !listed.unbalanced.contains(i));
            FUZZ_CHECK(balances == why.isEmpty());
            (void)remittance.patientAdjustmentsCents();
        }
        if (!listed.unbalanced.isEmpty())
            FUZZ_CHECK(listed.hasClaimErrors() && !listed.errorStrings().isEmpty());
    } else {
        FUZZ_CHECK(!listed.error.isEmpty());
        FUZZ_CHECK(listed.remittances.isEmpty());
    }

    QBuffer device(&input);
    device.open(QIODevice::ReadOnly);
    qsizetype streamed = 0;
    qsizetype unbalanced = 0;
    const Remittance835Result stream = Remittance835Reader::read(
        device, source, Remittance835Reader::lenientOptions(),
        [&](Remittance &&remittance, const QString &balanceError) {
            ++streamed;
            FUZZ_CHECK(remittance.balances() == balanceError.isEmpty());
            unbalanced += balanceError.isEmpty() ? 0 : 1;
        });
    FUZZ_CHECK(stream.remittances.isEmpty());
    FUZZ_CHECK(stream.error == listed.error);
    FUZZ_CHECK(stream.claims == listed.claims);
    FUZZ_CHECK(stream.transactions == listed.transactions);
    if (listed.ok()) {
        FUZZ_CHECK(streamed == listed.remittances.size());
        FUZZ_CHECK(unbalanced == listed.unbalanced.size());
    }
    return 0;
}
