// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/store/sqlscript.h"

namespace {
bool isWordStart(QChar c)
{
    return c.isLetter() || c == QLatin1Char('_');
}

bool isWordPart(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('$');
}

//! Tracks the keywords of the statement being read, to know whether a ';' ends it.
class TriggerState
{
public:
    void reset() { *this = TriggerState(); }

    void addWord(const QString &upper)
    {
        if (m_leadingWords.size() < 3)
            m_leadingWords.append(upper);
        if (!isTrigger())
            return;
        if (!m_inBody) {
            if (upper == QLatin1String("BEGIN") && !m_bodyDone)
                m_inBody = true;
            return;
        }
        if (upper == QLatin1String("CASE")) {
            ++m_caseDepth;
        } else if (upper == QLatin1String("END")) {
            if (m_caseDepth > 0) {
                --m_caseDepth;
            } else {
                m_inBody = false;
                m_bodyDone = true;
            }
        }
    }

    bool semicolonEndsStatement() const { return !m_inBody; }

private:
    bool isTrigger() const
    {
        // CREATE TRIGGER, CREATE TEMP TRIGGER, CREATE TEMPORARY TRIGGER
        if (m_leadingWords.size() < 2 || m_leadingWords.at(0) != QLatin1String("CREATE"))
            return false;
        if (m_leadingWords.at(1) == QLatin1String("TRIGGER"))
            return true;
        return m_leadingWords.size() == 3 &&
               (m_leadingWords.at(1) == QLatin1String("TEMP") ||
                m_leadingWords.at(1) == QLatin1String("TEMPORARY")) &&
               m_leadingWords.at(2) == QLatin1String("TRIGGER");
    }

    QStringList m_leadingWords;
    bool m_inBody = false;
    bool m_bodyDone = false;
    int m_caseDepth = 0;
};
} // namespace

QStringList SqlScript::split(const QString &script)
{
    QStringList statements;
    QString current;
    TriggerState trigger;
    const qsizetype n = script.size();

    auto finishStatement = [&] {
        const QString statement = current.trimmed();
        if (!statement.isEmpty())
            statements.append(statement);
        current.clear();
        trigger.reset();
    };

    qsizetype i = 0;
    while (i < n) {
        const QChar c = script.at(i);
        const QChar next = i + 1 < n ? script.at(i + 1) : QChar();

        if (c == QLatin1Char('-') && next == QLatin1Char('-')) {
            // Line comment: dropped, but it still separates tokens.
            while (i < n && script.at(i) != QLatin1Char('\n'))
                ++i;
            current += QLatin1Char(' ');
            continue;
        }
        if (c == QLatin1Char('/') && next == QLatin1Char('*')) {
            const qsizetype end = script.indexOf(QLatin1String("*/"), i + 2);
            i = end < 0 ? n : end + 2;
            current += QLatin1Char(' ');
            continue;
        }
        if (c == QLatin1Char('\'') || c == QLatin1Char('"') || c == QLatin1Char('`') ||
            c == QLatin1Char('[')) {
            // String literal or quoted identifier; a doubled quote is an escaped quote.
            const QChar close = c == QLatin1Char('[') ? QLatin1Char(']') : c;
            qsizetype j = i + 1;
            while (j < n) {
                if (script.at(j) == close) {
                    if (close != QLatin1Char(']') && j + 1 < n && script.at(j + 1) == close) {
                        j += 2;
                        continue;
                    }
                    break;
                }
                ++j;
            }
            const qsizetype end = j < n ? j + 1 : n;
            current += script.mid(i, end - i);
            i = end;
            continue;
        }
        if (isWordStart(c)) {
            qsizetype j = i + 1;
            while (j < n && isWordPart(script.at(j)))
                ++j;
            const QString word = script.mid(i, j - i);
            trigger.addWord(word.toUpper());
            current += word;
            i = j;
            continue;
        }
        if (c == QLatin1Char(';') && trigger.semicolonEndsStatement()) {
            finishStatement();
            ++i;
            continue;
        }
        current += c;
        ++i;
    }
    finishStatement();
    return statements;
}
