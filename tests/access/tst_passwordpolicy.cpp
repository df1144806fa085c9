// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// NIST SP 800-63B passwords: length, the breached list (and what only decorates an entry of it),
// the user's own name, repeats and sequences; no composition rules. And Argon2id hashes.
#include "services/access/passwordhasher.h"
#include "services/access/passwordpolicy.h"

#include <QTest>

class TestPasswordPolicy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void check_data();
    void check();
    void hashesAreArgon2idAndSalted();
};

void TestPasswordPolicy::check_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("refusal"); // a piece of the reason; empty: accepted
    QTest::newRow("too short") << QStringLiteral("Xk9#mQ2") << QStringLiteral("at least 8");
    QTest::newRow("eight, accepted") << QStringLiteral("river otter") << QString();
    QTest::newRow("no composition rule") << QStringLiteral("correct horse battery staple")
                                         << QString();
    QTest::newRow("unicode counts characters") << QStringLiteral("añoñíoéü") << QString();
    QTest::newRow("seven unicode characters") << QStringLiteral("ñññññ€a")
                                              << QStringLiteral("at least 8");
    QTest::newRow("too long") << QString(129, u'x') + QStringLiteral("y")
                              << QStringLiteral("at most 128");
    QTest::newRow("common") << QStringLiteral("password") << QStringLiteral("most common");
    QTest::newRow("common, other case") << QStringLiteral("PassWord") << QStringLiteral("most common");
    QTest::newRow("common with digits") << QStringLiteral("Password123!")
                                        << QStringLiteral("most common");
    QTest::newRow("clinic word") << QStringLiteral("hospital2026") << QStringLiteral("most common");
    QTest::newRow("season") << QStringLiteral("Summer2026") << QStringLiteral("most common");
    QTest::newRow("repeat") << QStringLiteral("aaaaaaaaaa") << QStringLiteral("repeated");
    QTest::newRow("sequence") << QStringLiteral("12345678") << QStringLiteral("sequence");
    QTest::newRow("letters sequence") << QStringLiteral("abcdefghi") << QStringLiteral("sequence");
    QTest::newRow("descending") << QStringLiteral("98765432") << QStringLiteral("sequence");
    QTest::newRow("user name") << QStringLiteral("my jsmith key") << QStringLiteral("user name");
    QTest::newRow("app name") << QStringLiteral("ClinicDeskRocks") << QStringLiteral("application");
}

void TestPasswordPolicy::check()
{
    QFETCH(QString, password);
    QFETCH(QString, refusal);
    const QString said = PasswordPolicy::check(password, QStringLiteral("jsmith"));
    if (refusal.isEmpty())
        QVERIFY2(said.isEmpty(), qPrintable(said));
    else
        QVERIFY2(said.contains(refusal), qPrintable(QStringLiteral("%1 → %2").arg(password, said)));
}

void TestPasswordPolicy::hashesAreArgon2idAndSalted()
{
    const QByteArray a = PasswordHasher::hash(QStringLiteral("river otter"));
    const QByteArray b = PasswordHasher::hash(QStringLiteral("river otter"));
    QVERIFY2(a.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), a.constData());
    QVERIFY(a != b); // salted
    QVERIFY(!a.contains("river"));
    QVERIFY(PasswordHasher::verify(a, QStringLiteral("river otter")));
    QVERIFY(PasswordHasher::verify(b, QStringLiteral("river otter")));
    QVERIFY(!PasswordHasher::verify(a, QStringLiteral("river otters")));
    QVERIFY(!PasswordHasher::verify(a, QString()));
    QVERIFY(!PasswordHasher::verify(QByteArray(), QStringLiteral("river otter")));
    QVERIFY(!PasswordHasher::verify("not a hash", QStringLiteral("river otter")));
    QVERIFY(!PasswordHasher::needsRehash(a));
    QVERIFY(!PasswordHasher::decoy().isEmpty());
}

QTEST_GUILESS_MAIN(TestPasswordPolicy)
#include "tst_passwordpolicy.moc"
