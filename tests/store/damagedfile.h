// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/testdatabase.h"

#include <QFile>
#include <QList>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

//! Damage done to the pages of a database file, as a failing disk or a bad copy does it.
enum class Damage {
    CellContents, //!< the cells in the middle of each page
    PageHeaders,  //!< each page's header: SQLite cannot read the page at all
};
Q_DECLARE_METATYPE(Damage)

//! The later half of the leaf pages of a table or index (SQLite's dbstat table), so the earlier
//! rows stay readable.
inline QList<qint64> laterLeafPages(const TestDatabase &db, const QString &object)
{
    QList<qint64> pages;
    QSqlQuery query(Database::connection(db.connection()));
    query.prepare(QStringLiteral("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' "
                                 "ORDER BY pageno"));
    query.addBindValue(object);
    if (!query.exec())
        qWarning("dbstat: %s", qPrintable(query.lastError().text()));
    while (query.next())
        pages.append(query.value(0).toLongLong());
    return pages.mid(pages.size() / 2);
}

//! Writes over `pages` of a closed database file.
inline void damagePages(const QString &path, int pageSize, const QList<qint64> &pages,
                        Damage damage)
{
    QVERIFY(pageSize > 0);
    QVERIFY(pages.size() > 2);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    for (const qint64 page : pages) {
        const qint64 offset = (page - 1) * pageSize + (damage == Damage::CellContents ? 100 : 0);
        QVERIFY(file.seek(offset));
        QVERIFY(file.write(QByteArray(damage == Damage::CellContents ? 64 : 16, '\x5a')) > 0);
    }
}

//! Closes `db`, damages the later half of the leaf pages of `object` and opens it again (open
//! does not read the whole file, so it succeeds).
inline void damageAndReopen(TestDatabase &db, const QString &object, Damage damage)
{
    const QList<qint64> pages = laterLeafPages(db, object);
    const int pageSize = db.value(QStringLiteral("PRAGMA page_size")).toInt();
    db.close();
    damagePages(db.path(), pageSize, pages, damage);
    QVERIFY2(db.open(), qPrintable(db.result().error));
}
