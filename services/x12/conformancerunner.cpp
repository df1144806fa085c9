// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/x12/conformancerunner.h"

#include "services/x12/eligibilityrequest.h"
#include "services/x12/eligibilityresponse.h"
#include "services/x12/x12streamreader.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QMap>

#include <exception>

namespace {

struct FileOutcome
{
    bool passed = true;
    bool readable = false;
    QString text; // what follows "<file>: "
};

// "1 interchange" / "3 interchanges". Two sources, each with its own %n forms for
// translators, so that English reads right without a catalogue (the conformance command runs
// before any is loaded, and a single %n source only changes form through one).
QString counted(int n, const char *one, const char *many)
{
    return QCoreApplication::translate("X12", n == 1 ? one : many, nullptr, n);
}

QString warningsText(const QList<X12Issue> &issues)
{
    QStringList texts;
    for (const X12Issue &issue : issues) {
        if (issue.severity == X12Issue::Severity::Warning)
            texts.append(issue.toString());
    }
    if (texts.isEmpty())
        return {};
    constexpr int shown = 3;
    QString text = texts.mid(0, shown).join(QLatin1String("; "));
    if (texts.size() > shown)
        text += QCoreApplication::translate("X12", " (and %1 more)").arg(texts.size() - shown);
    return QStringLiteral(", warnings: ") + text;
}

// Reads a file once for everything the check needs: the envelope figures, the 270 requests
// and the 271 results, counted and not kept.
class FileReader : public X12StreamReader::Handler
{
public:
    explicit FileReader(std::vector<std::unique_ptr<ConformanceRunner::ContentCheck>> checks)
        : m_checks(std::move(checks))
        , m_requests([this](EligibilityRequestParseResult &&result) {
            if (result.request) {
                ++m_requestsRead;
            } else {
                ++m_requestsRefused;
                if (m_requestError.isEmpty())
                    m_requestError = result.error;
            }
        })
        , m_responses([this](EligibilityResult &&result) {
            ++m_statuses[eligibilityStatusKey(result.status)];
            ++m_results;
        })
    {
    }

    void started(const X12Delimiters &delimiters) override
    {
        m_requests.started(delimiters);
        m_responses.started(delimiters);
        for (const auto &check : m_checks)
            check->started(delimiters);
    }

    void segment(const X12SegmentView &segment, X12StreamReader::Kind kind, int number) override
    {
        if (kind == X12StreamReader::Kind::St && m_types.size() < 16) {
            const QString type = QString::fromLatin1(segment.element(1));
            if (!m_types.contains(type))
                m_types.append(type);
        }
        m_requests.segment(segment, kind, number);
        m_responses.segment(segment, kind, number);
        if (Q_UNLIKELY(m_requests.stopError().has_value()))
            stop(*m_requests.stopError());
        else if (Q_UNLIKELY(m_responses.stopError().has_value()))
            stop(*m_responses.stopError());
        for (const auto &check : m_checks) {
            check->segment(segment, kind, number);
            if (Q_UNLIKELY(check->stopError().has_value()))
                stop(*check->stopError());
        }
    }

    FileOutcome outcome(X12StreamReader::Result read);

private:
    std::vector<std::unique_ptr<ConformanceRunner::ContentCheck>> m_checks;
    EligibilityRequestHandler m_requests;
    EligibilityResponseHandler m_responses;
    QStringList m_types;
    int m_requestsRead = 0;
    int m_requestsRefused = 0;
    QString m_requestError;
    int m_results = 0;
    QMap<QString, int> m_statuses; // by key, so that the order is fixed
};

FileOutcome FileReader::outcome(X12StreamReader::Result read)
{
    FileOutcome outcome;
    const int interchanges = read.interchanges;
    const int transactions = read.transactions;
    const int segments = read.segments;
    const bool readOk = read.ok;
    const EligibilityResponseParseResult responses = m_responses.finish(std::move(read));
    if (!readOk) {
        // Refused with a specific error: what a malformed file should get.
        outcome.text = X12ReadResult{std::nullopt, {}, responses.issues}.errorString();
        if (outcome.text.isEmpty()) {
            outcome.passed = false;
            outcome.text = QCoreApplication::translate(
                "X12", "internal error: the reader failed without saying why");
        }
        return outcome;
    }
    outcome.readable = true;
    outcome.text =
        QCoreApplication::translate("X12", "%1: %2, %3, %4")
            .arg(m_types.isEmpty() ? QCoreApplication::translate("X12", "no transactions")
                                   : m_types.join(QLatin1Char('/')),
                 counted(interchanges, QT_TRANSLATE_N_NOOP("X12", "%n interchange"),
                         QT_TRANSLATE_N_NOOP("X12", "%n interchanges")),
                 counted(transactions, QT_TRANSLATE_N_NOOP("X12", "%n transaction"),
                         QT_TRANSLATE_N_NOOP("X12", "%n transactions")),
                 counted(segments, QT_TRANSLATE_N_NOOP("X12", "%n segment"),
                         QT_TRANSLATE_N_NOOP("X12", "%n segments")));
    QStringList failures;
    if (transactions == 0)
        failures.append(QCoreApplication::translate("X12", "no transaction was read"));

    if (const int requestTransactions = m_requests.transactions(); requestTransactions > 0) {
        outcome.text += QCoreApplication::translate("X12", "; %1 of %2 requests read")
                            .arg(m_requestsRead)
                            .arg(m_requestsRead + m_requestsRefused);
        if (!m_requestError.isEmpty())
            outcome.text += QStringLiteral(" (") + m_requestError + QLatin1Char(')');
        // Every 270 asks about someone: a transaction that gave no request was not understood.
        if (m_requestsRead < requestTransactions)
            failures.append(QCoreApplication::translate(
                                "X12", "the 270 parser read fewer requests (%1) than there are "
                                       "270 transactions (%2)")
                                .arg(m_requestsRead)
                                .arg(requestTransactions));
    }
    if (responses.transactions > 0) {
        QStringList statuses;
        for (auto it = m_statuses.cbegin(); it != m_statuses.cend(); ++it)
            statuses.append(QStringLiteral("%1 %2").arg(it.key()).arg(it.value()));
        outcome.text +=
            QStringLiteral("; ") + counted(m_results, QT_TRANSLATE_N_NOOP("X12", "%n result"),
                                           QT_TRANSLATE_N_NOOP("X12", "%n results"));
        if (!statuses.isEmpty())
            outcome.text +=
                QStringLiteral(" (") + statuses.join(QLatin1String(", ")) + QLatin1Char(')');
        if (!responses.ok())
            failures.append(responses.error);
        else if (m_results == 0)
            failures.append(
                QCoreApplication::translate("X12", "the 271 parser found no answer in it"));
    }
    for (const auto &check : m_checks)
        check->report(outcome.text, failures);
    outcome.text += warningsText(responses.issues);
    if (!failures.isEmpty()) {
        // Well-formed, but its content was not read: the reader or a parser fell short.
        outcome.passed = false;
        outcome.text += QStringLiteral("; ") + failures.join(QLatin1String("; "));
    }
    return outcome;
}

FileOutcome check(const QString &path, qsizetype maxBytes,
                  const ConformanceRunner::ContentChecks &checks)
{
    FileOutcome outcome;
    QFile file(path);
    if (file.size() > maxBytes) {
        // Refused before reading, as the reader would refuse it: a clean answer.
        outcome.text =
            QCoreApplication::translate(
                "X12", "The file is %1 bytes long, more than the limit of %2 bytes; it was not "
                       "read.")
                .arg(file.size())
                .arg(maxBytes);
        return outcome;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        outcome.text =
            QCoreApplication::translate("X12", "cannot open the file: %1").arg(file.errorString());
        return outcome;
    }
    X12Reader::Options options;
    options.strictEnvelope = false;
    options.maxBytes = maxBytes;
    FileReader reader(checks ? checks()
                             : std::vector<std::unique_ptr<ConformanceRunner::ContentCheck>>());
    // In blocks: a large file is never held whole.
    return reader.outcome(X12StreamReader::read(file, options, reader));
}

} // namespace

ConformanceSummary ConformanceRunner::run(const QString &dir, QTextStream &out,
                                          const ContentChecks &checks)
{
    ConformanceSummary summary;
    const QDir root(QDir(dir).absoluteFilePath(QStringLiteral("x12")));
    if (!root.exists()) {
        out << "FAIL " << root.path() << ": "
            << QCoreApplication::translate("X12", "no such folder") << '\n';
        ++summary.failed;
    }
    QStringList files;
    QDirIterator it(root.path(), QDir::Files, QDirIterator::Subdirectories);
    while (root.exists() && it.hasNext()) {
        const QString relative = root.relativeFilePath(it.next());
        if (relative != QLatin1String("README.md"))
            files.append(relative);
    }
    files.sort();

    const qsizetype maxBytes = X12Reader::Options().maxBytes;
    for (const QString &name : files) {
        FileOutcome outcome;
        try {
            outcome = check(root.filePath(name), maxBytes, checks);
        } catch (const std::exception &e) {
            outcome = {false, false,
                       QCoreApplication::translate("X12", "internal error: exception: %1")
                           .arg(QString::fromLocal8Bit(e.what()))};
        } catch (...) {
            outcome = {false, false,
                       QCoreApplication::translate("X12", "internal error: unknown exception")};
        }
        // ok: read; error: refused with a clean, specific error (what a malformed file should
        // get, so it passes); FAIL: well-formed but not read, or the reader misbehaved.
        const char *label = !outcome.passed ? "FAIL " : outcome.readable ? "ok   " : "error";
        out << label << ' ' << name << ": " << outcome.text << '\n';
        if (outcome.passed)
            ++summary.passed;
        else
            ++summary.failed;
        out.flush();
    }
    out << QCoreApplication::translate("X12", "%1 passed, %2 failed")
               .arg(summary.passed)
               .arg(summary.failed)
        << '\n';
    out.flush();
    return summary;
}
