// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/x12/conformancerunner.h"

#include "services/x12/eligibilityrequest.h"
#include "services/x12/eligibilityresponse.h"
#include "services/x12/x12reader.h"
#include "services/x12/x12values.h"
#include "services/x12/x12writer.h"

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

QString statusesText(const QList<EligibilityResult> &results)
{
    QMap<QString, int> counts;
    for (const EligibilityResult &result : results)
        ++counts[eligibilityStatusKey(result.status)];
    QStringList parts;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        parts.append(QStringLiteral("%1 %2").arg(it.key()).arg(it.value()));
    return parts.join(QLatin1String(", "));
}

FileOutcome check(const QString &path, qsizetype maxBytes)
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
    const QByteArray data = file.readAll();

    X12Reader::Options options;
    options.strictEnvelope = false;
    options.maxBytes = maxBytes;
    const X12ReadResult read = X12Reader(options).read(data);
    if (!read.ok()) {
        outcome.text = read.errorString();
        if (outcome.text.isEmpty()) {
            outcome.passed = false;
            outcome.text = QCoreApplication::translate(
                "X12", "internal error: the reader failed without saying why");
        }
        return outcome;
    }
    outcome.readable = true;
    const X12Interchange &interchange = *read.interchange;

    // What was read writes back and reads back the same.
    const X12ReadResult again = X12Reader(options).read(X12Writer().write(interchange));
    if (!again.ok() || *again.interchange != interchange) {
        outcome.passed = false;
        outcome.text =
            QCoreApplication::translate(
                "X12", "internal error: the interchange written back reads differently (%1)")
                .arg(again.errorString());
        return outcome;
    }

    QStringList types;
    int transactions = 0;
    int segments = 2;
    for (const X12FunctionalGroup &group : interchange.groups) {
        segments += 2;
        for (const X12Transaction &transaction : group.transactions) {
            ++transactions;
            segments += int(transaction.segments.size()) + 2;
            const QString type = transaction.header.text(1);
            if (!types.contains(type))
                types.append(type);
        }
    }
    outcome.text = QCoreApplication::translate("X12", "%1 x%2, %3 segments")
                       .arg(types.isEmpty() ? QCoreApplication::translate("X12", "no transactions")
                                            : types.join(QLatin1Char('/')))
                       .arg(transactions)
                       .arg(segments);
    QList<X12Issue> issues = read.issues;

    if (types.contains(QLatin1String("270"))) {
        const QList<EligibilityRequestParseResult> requests =
            EligibilityRequestParser::parseAll(interchange);
        int parsed = 0;
        QString firstError;
        for (const EligibilityRequestParseResult &request : requests) {
            if (request.request)
                ++parsed;
            else if (firstError.isEmpty())
                firstError = request.error;
        }
        outcome.text += QCoreApplication::translate("X12", ", 270: %1 of %2 requests read")
                            .arg(parsed)
                            .arg(requests.size());
        if (!firstError.isEmpty())
            outcome.text += QStringLiteral(" (") + firstError + QLatin1Char(')');
    }
    if (types.contains(QLatin1String("271"))) {
        const EligibilityResponseParseResult response =
            EligibilityResponseParser::parse(interchange);
        // The streaming path must agree with the one over the interchange.
        const EligibilityResponseParseResult streamed =
            EligibilityResponseParser::parse(data, options);
        if (!response.ok() || !streamed.ok() || streamed.results != response.results) {
            outcome.passed = false;
            outcome.text = QCoreApplication::translate(
                               "X12", "internal error: the 271 parser disagrees with itself (%1)")
                               .arg(response.ok() ? streamed.error : response.error);
            return outcome;
        }
        outcome.text += QCoreApplication::translate("X12", ", 271: %1 results (%2)")
                            .arg(response.results.size())
                            .arg(statusesText(response.results));
        issues += response.issues;
    }
    outcome.text += warningsText(issues);
    return outcome;
}

} // namespace

ConformanceSummary ConformanceRunner::run(const QString &dir, QTextStream &out)
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
            outcome = check(root.filePath(name), maxBytes);
        } catch (const std::exception &e) {
            outcome = {false, false,
                       QCoreApplication::translate("X12", "internal error: exception: %1")
                           .arg(QString::fromLocal8Bit(e.what()))};
        } catch (...) {
            outcome = {false, false,
                       QCoreApplication::translate("X12", "internal error: unknown exception")};
        }
        // A clean, specific error on a malformed file is what the reader should give: it passes.
        // ok: read; error: refused with a clean, specific error (what a malformed file should
        // get, so it passes); FAIL: the reader or parser misbehaved.
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
