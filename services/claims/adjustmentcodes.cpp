// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/claims/adjustmentcodes.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(AdjustmentCodes)
};

QString key(const QString &code)
{
    return code.trimmed().toUpper();
}

//! A JSON object of code → description; false when a value is not text.
bool readTable(const QJsonObject &object, QHash<QString, QString> &to)
{
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (!it.value().isString() || it.value().toString().trimmed().isEmpty())
            return false;
        to.insert(key(it.key()), it.value().toString().trimmed());
    }
    return true;
}

} // namespace

AdjustmentCodes AdjustmentCodes::builtIn()
{
    QFile file(QString::fromLatin1(resourcePath));
    if (file.open(QIODevice::ReadOnly)) {
        if (std::optional<AdjustmentCodes> codes = fromJson(file.readAll()))
            return std::move(*codes);
    }
    AdjustmentCodes empty;
    empty.m_version = Tr::tr("unavailable");
    return empty;
}

std::optional<AdjustmentCodes> AdjustmentCodes::fromJson(const QByteArray &json, QString *error)
{
    auto fail = [&](const QString &why) -> std::optional<AdjustmentCodes> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (!document.isObject())
        return fail(Tr::tr("The code list is not a JSON object: %1")
                        .arg(parseError.error == QJsonParseError::NoError
                                 ? Tr::tr("it is an array")
                                 : parseError.errorString()));
    const QJsonObject root = document.object();
    AdjustmentCodes codes;
    codes.m_version = root.value(QLatin1String("version")).toString().trimmed();
    if (codes.m_version.isEmpty())
        return fail(Tr::tr("The code list does not name its version."));
    const char *tables[] = {"groups", "carc", "rarc"};
    QHash<QString, QString> *targets[] = {&codes.m_groups, &codes.m_carcs, &codes.m_rarcs};
    for (int i = 0; i < 3; ++i) {
        const QJsonValue value = root.value(QLatin1String(tables[i]));
        if (!value.isObject() || !readTable(value.toObject(), *targets[i]))
            return fail(Tr::tr("The code list's \"%1\" is not a table of codes and descriptions.")
                            .arg(QLatin1String(tables[i])));
    }
    return codes;
}

QString AdjustmentCodes::groupName(const QString &group) const
{
    return m_groups.value(key(group), group.trimmed());
}

QString AdjustmentCodes::carc(const QString &code) const
{
    return m_carcs.value(key(code));
}

QString AdjustmentCodes::rarc(const QString &code) const
{
    return m_rarcs.value(key(code));
}

QString AdjustmentCodes::describe(const QString &group, const QString &reason) const
{
    const QString description = carc(reason);
    if (description.isEmpty())
        return Tr::tr("Reason code %1 (not in the code list version %2)")
            .arg(reason.trimmed(), m_version);
    //: %1 the adjustment group's name, %2 its code (CO), %3 the reason code (45), %4 what it means
    return Tr::tr("%1 (%2-%3): %4").arg(groupName(group), key(group), key(reason), description);
}

QString AdjustmentCodes::describeRemark(const QString &code) const
{
    const QString description = rarc(code);
    if (description.isEmpty())
        return Tr::tr("Remark code %1 (not in the code list version %2)")
            .arg(code.trimmed(), m_version);
    return Tr::tr("%1: %2").arg(key(code), description);
}
