// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/common/jarowinkler.h"

#include <QVarLengthArray>

#include <algorithm>

double jaroWinkler(QStringView a, QStringView b)
{
    if (a.isEmpty() && b.isEmpty())
        return 1.0;
    if (a.isEmpty() || b.isEmpty())
        return 0.0;
    if (a == b)
        return 1.0;

    const qsizetype window = std::max<qsizetype>(0, std::max(a.size(), b.size()) / 2 - 1);
    QVarLengthArray<bool, 64> aMatched(a.size(), false);
    QVarLengthArray<bool, 64> bMatched(b.size(), false);
    qsizetype matches = 0;
    for (qsizetype i = 0; i < a.size(); ++i) {
        const qsizetype from = std::max<qsizetype>(0, i - window);
        const qsizetype to = std::min<qsizetype>(b.size() - 1, i + window);
        for (qsizetype j = from; j <= to; ++j) {
            if (!bMatched[j] && a[i] == b[j]) {
                aMatched[i] = bMatched[j] = true;
                ++matches;
                break;
            }
        }
    }
    if (matches == 0)
        return 0.0;

    // Half the number of matched characters that appear in a different order.
    qsizetype outOfOrder = 0;
    for (qsizetype i = 0, j = 0; i < a.size(); ++i) {
        if (!aMatched[i])
            continue;
        while (!bMatched[j])
            ++j;
        if (a[i] != b[j])
            ++outOfOrder;
        ++j;
    }
    const double m = double(matches);
    const double jaro = (m / a.size() + m / b.size() + (m - outOfOrder / 2.0) / m) / 3.0;

    qsizetype prefix = 0;
    while (prefix < 4 && prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix])
        ++prefix;
    return jaro + prefix * 0.1 * (1.0 - jaro);
}
