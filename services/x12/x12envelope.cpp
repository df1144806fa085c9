// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/x12/x12envelope.h"

#include "services/x12/x12values.h"

namespace X12Envelope {

namespace {
const X12Delimiters delimiters{'*', '^', ':', '~'};

QByteArray padded(const QString &text, int width)
{
    return X12Values::elementText(text, delimiters).left(width).leftJustified(width, ' ');
}
} // namespace

int normalizedControlNumber(int controlNumber)
{
    if (controlNumber > 999999999)
        controlNumber %= 1000000000;
    return controlNumber < 1 ? 1 : controlNumber;
}

QByteArray transactionControlNumber(int controlNumber, int index)
{
    // ST02 must be at least four characters; later transactions count on from the first.
    const qint64 value = qint64(normalizedControlNumber(controlNumber)) + index;
    return QByteArray::number(value).rightJustified(4, '0');
}

QDateTime effectiveTime(const QDateTime &createdAt)
{
    QDateTime time = createdAt.isValid() ? createdAt.toUTC() : QDateTime::currentDateTimeUtc();
    time.setTime(QTime(time.time().hour(), time.time().minute()));
    return time;
}

X12Interchange create(const Parameters &parameters)
{
    const int control = normalizedControlNumber(parameters.controlNumber);
    const QDateTime time = effectiveTime(parameters.createdAt);
    const QByteArray hhmm = time.toString(QStringLiteral("HHmm")).toLatin1();

    X12Interchange interchange;
    interchange.delimiters = delimiters;
    interchange.header =
        X12Segment(QByteArrayLiteral("ISA"),
                   {"00", QByteArray(10, ' '), "00", QByteArray(10, ' '), "ZZ",
                    padded(parameters.senderId, 15), "ZZ", padded(parameters.receiverId, 15),
                    time.toString(QStringLiteral("yyMMdd")).toLatin1(), hhmm, "^", "00501",
                    QByteArray::number(control).rightJustified(9, '0'), "0",
                    parameters.production ? "P" : "T", ":"});
    X12FunctionalGroup group;
    group.header = X12Segment(
        QByteArrayLiteral("GS"),
        {parameters.functionalId, X12Values::elementText(parameters.senderId, delimiters),
         X12Values::elementText(parameters.receiverId, delimiters),
         X12Values::formatD8(time.date()), hhmm, QByteArray::number(control), "X", "005010X279A1"});
    X12Transaction transaction;
    transaction.header =
        X12Segment(QByteArrayLiteral("ST"),
                   {parameters.transactionType, transactionControlNumber(control), "005010X279A1"});
    group.transactions.append(transaction);
    interchange.groups.append(group);
    return interchange;
}

X12Segment segment(const char *id, QList<QByteArray> elements)
{
    while (!elements.isEmpty() && elements.last().isEmpty())
        elements.removeLast();
    return X12Segment(QByteArray(id), std::move(elements));
}

QByteArray SegmentWriter::text(const QString &value) const
{
    return X12Values::elementText(value, m_delimiters);
}

QByteArray SegmentWriter::qualifier(const char *code, const QString &id) const
{
    return text(id).isEmpty() ? QByteArray() : QByteArray(code);
}

void SegmentWriter::add(const char *id, QList<QByteArray> elements)
{
    m_segments.append(segment(id, std::move(elements)));
}

} // namespace X12Envelope
