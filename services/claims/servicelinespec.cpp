// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/claims/servicelinespec.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace ServiceLineSpec {
namespace {
bool isModifier(const QString &token)
{
    static const QRegularExpression shape(QStringLiteral("^[A-Za-z0-9]{2}$"));
    return shape.match(token).hasMatch();
}

std::optional<QList<int>> pointers(const QString &token)
{
    static const QRegularExpression shape(QStringLiteral("^\\d{1,2}([,+]\\d{1,2}){0,3}$"));
    if (!shape.match(token).hasMatch())
        return std::nullopt;
    QList<int> list;
    for (const QString &part : token.split(QRegularExpression(QStringLiteral("[,+]"))))
        list.append(part.toInt());
    return list;
}

//! Reads `tokens` (after the code) as modifiers, units, charge and, when `withPointers`,
//! pointers; nothing when they do not fit that shape.
std::optional<ServiceLine> read(const QStringList &tokens, bool withPointers)
{
    const qsizetype tail = withPointers ? 3 : 2;
    if (tokens.size() < tail)
        return std::nullopt;
    ServiceLine line;
    const qsizetype modifierCount = tokens.size() - tail;
    for (qsizetype i = 0; i < modifierCount; ++i) {
        if (!isModifier(tokens.at(i)))
            return std::nullopt;
        line.modifiers.append(tokens.at(i).toUpper());
    }
    bool unitsOk = false;
    line.units = tokens.at(modifierCount).toInt(&unitsOk);
    const std::optional<qint64> charge = parseCents(tokens.at(modifierCount + 1));
    if (!unitsOk || !charge)
        return std::nullopt;
    line.chargeCents = *charge;
    if (withPointers) {
        const auto list = pointers(tokens.at(modifierCount + 2));
        if (!list)
            return std::nullopt;
        line.diagnosisPointers = *list;
    }
    return line;
}
} // namespace

std::optional<ServiceLine> parse(const QString &spec, int diagnosisCount, QString *error)
{
    QStringList tokens = spec.trimmed().split(QLatin1Char(':'));
    const QString code = tokens.takeFirst().trimmed().toUpper();
    for (QString &token : tokens)
        token = token.trimmed();
    std::optional<ServiceLine> line;
    // Pointers last: "99213:1:125:1" is one unit of $125 for diagnosis 1, while
    // "99213:25:1:125" cannot end in pointers (125) and so has modifier 25.
    if (tokens.size() >= 3)
        line = read(tokens, true);
    if (!line)
        line = read(tokens, false);
    if (code.isEmpty() || !line) {
        if (error)
            *error = QCoreApplication::translate(
                         "ServiceLineSpec",
                         "\"%1\" is not a service line; write CODE[:MODIFIER…]:UNITS:CHARGE"
                         "[:POINTERS], e.g. 99213:1:125.00 or 99213:25:1:125.00:1,2.")
                         .arg(spec);
        return std::nullopt;
    }
    line->procedureCode = code;
    if (line->diagnosisPointers.isEmpty()) {
        for (int i = 1; i <= std::min(diagnosisCount, 4); ++i)
            line->diagnosisPointers.append(i);
    }
    return line;
}

} // namespace ServiceLineSpec
