// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/x12/x12reader.h"

#include "services/x12/x12streamreader.h"

#include <QCoreApplication>

QString X12Issue::toString() const
{
    if (segmentNumber <= 0)
        return message;
    if (segmentId.isEmpty())
        return QCoreApplication::translate("X12", "segment %1: %2").arg(segmentNumber).arg(message);
    return QCoreApplication::translate("X12", "segment %1 (%2): %3")
        .arg(segmentNumber)
        .arg(QString::fromLatin1(segmentId), message);
}

void X12IssueLog::add(X12Issue issue)
{
    const bool isError = issue.severity == X12Issue::Severity::Error;
    m_hasError = m_hasError || isError;
    // The first error is kept past the bound: it is what errorString() shows.
    if (m_issues.size() < m_limit || (isError && !m_listedError)) {
        m_listedError = m_listedError || isError;
        m_issues.append(std::move(issue));
    } else if (isError) {
        ++m_omittedErrors;
    } else {
        ++m_omittedWarnings;
    }
}

QList<X12Issue> X12IssueLog::take()
{
    QList<X12Issue> issues = std::exchange(m_issues, {});
    const qsizetype omitted = m_omittedErrors + m_omittedWarnings;
    if (omitted > 0) {
        // Two sources so that English reads right without a catalogue; each has its %n forms.
        const int n = int(qMin<qsizetype>(omitted, INT_MAX));
        const QString message =
            n == 1
                ? QCoreApplication::translate("X12", "%n more problem is not listed.", nullptr, n)
                : QCoreApplication::translate("X12", "%n more problems are not listed.", nullptr,
                                              n);
        issues.append(
            {m_omittedErrors > 0 ? X12Issue::Severity::Error : X12Issue::Severity::Warning,
             0,
             {},
             message});
    }
    m_omittedErrors = 0;
    m_omittedWarnings = 0;
    m_listedError = false;
    return issues;
}

QString X12ReadResult::errorString() const
{
    for (const X12Issue &issue : issues) {
        if (issue.severity == X12Issue::Severity::Error)
            return issue.toString();
    }
    return {};
}

QList<X12Issue> X12ReadResult::warnings() const
{
    QList<X12Issue> out;
    for (const X12Issue &issue : issues) {
        if (issue.severity == X12Issue::Severity::Warning)
            out.append(issue);
    }
    return out;
}

namespace {

using Kind = X12StreamReader::Kind;

// Builds the interchanges from the segments; every element is a copy, so the tree does not
// depend on the input buffer in any way.
class InterchangeBuilder : public X12StreamReader::Handler
{
public:
    void started(const X12Delimiters &delimiters) override
    {
        X12Interchange interchange;
        interchange.delimiters = delimiters;
        m_interchanges.append(std::move(interchange));
    }

    void segment(const X12SegmentView &view, Kind kind, int number) override
    {
        X12Segment segment = toSegment(view);
        X12Interchange &interchange = m_interchanges.last();
        switch (kind) {
        case Kind::Isa:
            interchange.header = std::move(segment);
            return;
        case Kind::Gs:
            interchange.groups.append(X12FunctionalGroup{std::move(segment), {}, {}});
            return;
        case Kind::St: {
            X12Transaction transaction;
            transaction.header = std::move(segment);
            transaction.firstSegmentNumber = number;
            interchange.groups.last().transactions.append(std::move(transaction));
            return;
        }
        case Kind::Se:
            interchange.groups.last().transactions.last().trailer = std::move(segment);
            return;
        case Kind::Ge:
            interchange.groups.last().trailer = std::move(segment);
            return;
        case Kind::Iea:
            interchange.trailer = std::move(segment);
            return;
        case Kind::Other:
            interchange.groups.last().transactions.last().segments.append(std::move(segment));
            return;
        }
    }

    QList<X12Interchange> take() { return std::exchange(m_interchanges, {}); }

private:
    static X12Segment toSegment(const X12SegmentView &view)
    {
        QList<QByteArray> elements;
        elements.reserve(view.elements.size());
        for (const QByteArrayView element : view.elements)
            elements.append(element.toByteArray());
        return X12Segment(view.id.toByteArray(), std::move(elements));
    }

    QList<X12Interchange> m_interchanges;
};

} // namespace

X12ReadResult X12Reader::read(const QByteArray &data) const
{
    InterchangeBuilder builder;
    X12StreamReader::Result result = X12StreamReader::read(data, m_options, builder);
    X12ReadResult out;
    out.issues = std::move(result.issues);
    if (result.ok) {
        out.interchanges = builder.take();
        if (!out.interchanges.isEmpty())
            out.interchange = out.interchanges.first(); // shares the data: no copy
    }
    return out;
}
