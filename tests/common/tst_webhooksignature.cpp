// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Webhook signatures: the published Standard Webhooks and Metriport vectors, the cases of the
// Standard Webhooks reference library's tests in our own words, strict refusal of malformed
// headers, key rotation, and random single-bit flips that must all be refused.
#include "services/common/webhooksignature.h"

#include <QCryptographicHash>
#include <QMap>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QTest>

using Failure = StandardWebhooks::Failure;

// Lets QCOMPARE print the failure by name.
char *toString(StandardWebhooks::Failure failure)
{
    return qstrdup(StandardWebhooks::describe(failure).toUtf8().constData());
}

namespace {
// The Standard Webhooks specification's example.
const QByteArray vectorSecret = QByteArrayLiteral("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
const QByteArray vectorId = QByteArrayLiteral("msg_p5jXN8AQM9LWM0D4loKWxJek");
constexpr qint64 vectorTimestamp = 1614265330;
const QByteArray vectorBody = QByteArrayLiteral("{\"test\": 2432232314}");
const QByteArray vectorSignature =
    QByteArrayLiteral("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");

// Metriport's SDK test vector.
const QByteArray metriportKey = QByteArrayLiteral("testWebhookKey");
const QByteArray metriportBody = QByteArrayLiteral("{\"event\":\"test_event\"}");
const QByteArray metriportSignature =
    QByteArrayLiteral("d3e6fecf0a0658f23749f15514582376f93862c839946d33b7f84d3becf5d4a4");

QByteArray vectorKey()
{
    return StandardWebhooks::decodeSecret(vectorSecret).value_or(QByteArray());
}

QDateTime at(qint64 seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC);
}

StandardWebhooks::Headers vectorHeaders()
{
    return {vectorId, QByteArray::number(vectorTimestamp), vectorSignature};
}

QByteArray randomBytes(QRandomGenerator &random, int size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (char &c : bytes)
        c = char(random.bounded(256));
    return bytes;
}
} // namespace

class TestWebhookSignature : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void constantTimeEqualsCases_data();
    void constantTimeEqualsCases();

    void standardWebhooksVector();
    void secretsDecode_data();
    void secretsDecode();
    void referenceCases_data();
    void referenceCases();
    void toleranceIsInclusive_data();
    void toleranceIsInclusive();
    void idsAndTimestampsAreCheckedStrictly_data();
    void idsAndTimestampsAreCheckedStrictly();
    void signatureListsAreReadEntryByEntry_data();
    void signatureListsAreReadEntryByEntry();
    void noUsableSecret();
    void keyRotation();
    void randomRoundTrips();
    void singleBitFlipsAreRefused();

    void metriportVector();
    void metriportHeadersAreCheckedStrictly_data();
    void metriportHeadersAreCheckedStrictly();
    void metriportBitFlipsAreRefused();
};

// ---- constant-time comparison --------------------------------------------------------------

void TestWebhookSignature::constantTimeEqualsCases_data()
{
    QTest::addColumn<QByteArray>("a");
    QTest::addColumn<QByteArray>("b");
    QTest::addColumn<bool>("equal");
    QTest::newRow("same") << QByteArray("abcdef") << QByteArray("abcdef") << true;
    QTest::newRow("first byte differs") << QByteArray("xbcdef") << QByteArray("abcdef") << false;
    QTest::newRow("last byte differs") << QByteArray("abcdeg") << QByteArray("abcdef") << false;
    QTest::newRow("one bit differs")
        << QByteArray("abc\x01", 4) << QByteArray("abc\x00", 4) << false;
    QTest::newRow("prefix") << QByteArray("abc") << QByteArray("abcdef") << false;
    QTest::newRow("longer") << QByteArray("abcdefg") << QByteArray("abcdef") << false;
    QTest::newRow("both empty") << QByteArray() << QByteArray("") << true;
    QTest::newRow("one empty") << QByteArray() << QByteArray("a") << false;
    QTest::newRow("NUL bytes count") << QByteArray("a\0b", 3) << QByteArray("a\0c", 3) << false;
    QTest::newRow("NUL bytes equal") << QByteArray("a\0b", 3) << QByteArray("a\0b", 3) << true;
    QTest::newRow("case matters") << QByteArray("ABCDEF") << QByteArray("abcdef") << false;
}

void TestWebhookSignature::constantTimeEqualsCases()
{
    QFETCH(QByteArray, a);
    QFETCH(QByteArray, b);
    QFETCH(bool, equal);
    QCOMPARE(constantTimeEquals(a, b), equal);
    QCOMPARE(constantTimeEquals(b, a), equal);
}

// ---- Standard Webhooks ---------------------------------------------------------------------

void TestWebhookSignature::standardWebhooksVector()
{
    const auto key = StandardWebhooks::decodeSecret(vectorSecret);
    QVERIFY(key.has_value());
    QCOMPARE(key->size(), 24);
    QCOMPARE(StandardWebhooks::sign(*key, vectorId, vectorTimestamp, vectorBody), vectorSignature);
    QCOMPARE(StandardWebhooks::verify({*key}, vectorHeaders(), vectorBody, at(vectorTimestamp)),
             Failure::None);
    // The same bytes with one more space in the body are another message.
    QCOMPARE(StandardWebhooks::verify({*key}, vectorHeaders(), "{\"test\":  2432232314}",
                                      at(vectorTimestamp)),
             Failure::NoMatch);
}

void TestWebhookSignature::secretsDecode_data()
{
    QTest::addColumn<QByteArray>("secret");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QByteArray>("key");
    QTest::newRow("with prefix") << vectorSecret << true
                                 << QByteArray::fromBase64("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    QTest::newRow("without prefix") << QByteArray("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw") << true
                                    << QByteArray::fromBase64("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    QTest::newRow("padded") << QByteArray("whsec_c2VjcmV0IQ==") << true << QByteArray("secret!");
    QTest::newRow("prefix only") << QByteArray("whsec_") << false << QByteArray();
    QTest::newRow("empty") << QByteArray() << false << QByteArray();
    QTest::newRow("not base64") << QByteArray("whsec_not*base64!") << false << QByteArray();
    QTest::newRow("url-safe alphabet") << QByteArray("whsec_ab-_cd") << false << QByteArray();
    QTest::newRow("misplaced padding") << QByteArray("whsec_ab=cd") << false << QByteArray();
}

void TestWebhookSignature::secretsDecode()
{
    QFETCH(QByteArray, secret);
    QFETCH(bool, valid);
    QFETCH(QByteArray, key);
    const auto decoded = StandardWebhooks::decodeSecret(secret);
    QCOMPARE(decoded.has_value(), valid);
    if (valid)
        QCOMPARE(*decoded, key);
}

void TestWebhookSignature::referenceCases_data()
{
    // The reference library's test table (libraries/go/webhook_test.go), said again here.
    QTest::addColumn<QByteArray>("secret");
    QTest::addColumn<QByteArray>("id");
    QTest::addColumn<QByteArray>("timestamp");
    QTest::addColumn<QByteArray>("signature");
    QTest::addColumn<qint64>("nowOffset"); // now = the vector's timestamp + this
    QTest::addColumn<Failure>("expected");

    const QByteArray ts = QByteArray::number(vectorTimestamp);
    const QByteArray wrong =
        StandardWebhooks::sign("another key entirely", vectorId, vectorTimestamp, vectorBody);
    QVERIFY(wrong != vectorSignature);

    QTest::newRow("the vector is valid")
        << vectorSecret << vectorId << ts << vectorSignature << qint64(0) << Failure::None;
    QTest::newRow("missing id") << vectorSecret << QByteArray() << ts << vectorSignature
                                << qint64(0) << Failure::MissingHeader;
    QTest::newRow("missing timestamp") << vectorSecret << vectorId << QByteArray()
                                       << vectorSignature << qint64(0) << Failure::MissingHeader;
    QTest::newRow("missing signature")
        << vectorSecret << vectorId << ts << QByteArray() << qint64(0) << Failure::MissingHeader;
    QTest::newRow("signature made with another key")
        << vectorSecret << vectorId << ts << wrong << qint64(0) << Failure::NoMatch;
    QTest::newRow("only the version, no signature")
        << vectorSecret << vectorId << ts << QByteArray("v1,") << qint64(0) << Failure::NoMatch;
    QTest::newRow("the first half of the signature")
        << vectorSecret << vectorId << ts << vectorSignature.left(3 + 22) << qint64(0)
        << Failure::NoMatch;
    QTest::newRow("the signature without its last character")
        << vectorSecret << vectorId << ts << vectorSignature.chopped(1) << qint64(0)
        << Failure::NoMatch;
    QTest::newRow("timestamp one second past the tolerance")
        << vectorSecret << vectorId << ts << vectorSignature << qint64(301) << Failure::TooOld;
    QTest::newRow("timestamp one second too far in the future")
        << vectorSecret << vectorId << ts << vectorSignature << qint64(-301) << Failure::TooNew;
    QTest::newRow("timestamp exactly at the tolerance")
        << vectorSecret << vectorId << ts << vectorSignature << qint64(300) << Failure::None;
    QTest::newRow("several signatures, one valid")
        << vectorSecret << vectorId << ts
        << QByteArray(wrong + " v1,Zm9v " + vectorSignature + " v2,whatever") << qint64(0)
        << Failure::None;
    QTest::newRow("several signatures, none valid")
        << vectorSecret << vectorId << ts << QByteArray(wrong + " " + wrong.chopped(2)) << qint64(0)
        << Failure::NoMatch;
    QTest::newRow("timestamp that is not a number")
        << vectorSecret << vectorId << QByteArray("hello") << vectorSignature << qint64(0)
        << Failure::InvalidTimestamp;
    QTest::newRow("secret without the whsec_ prefix")
        << vectorSecret.mid(6) << vectorId << ts << vectorSignature << qint64(0) << Failure::None;
}

void TestWebhookSignature::referenceCases()
{
    QFETCH(QByteArray, secret);
    QFETCH(QByteArray, id);
    QFETCH(QByteArray, timestamp);
    QFETCH(QByteArray, signature);
    QFETCH(qint64, nowOffset);
    QFETCH(Failure, expected);
    const auto key = StandardWebhooks::decodeSecret(secret);
    QVERIFY(key.has_value());
    QCOMPARE(StandardWebhooks::verify({*key}, {id, timestamp, signature}, vectorBody,
                                      at(vectorTimestamp + nowOffset)),
             expected);
}

void TestWebhookSignature::toleranceIsInclusive_data()
{
    QTest::addColumn<qint64>("age"); // now − timestamp, in seconds
    QTest::addColumn<int>("tolerance");
    QTest::addColumn<Failure>("expected");
    QTest::newRow("now") << qint64(0) << 300 << Failure::None;
    QTest::newRow("299 s old") << qint64(299) << 300 << Failure::None;
    QTest::newRow("300 s old") << qint64(300) << 300 << Failure::None;
    QTest::newRow("301 s old") << qint64(301) << 300 << Failure::TooOld;
    QTest::newRow("a day old") << qint64(86400) << 300 << Failure::TooOld;
    QTest::newRow("300 s ahead") << qint64(-300) << 300 << Failure::None;
    QTest::newRow("301 s ahead") << qint64(-301) << 300 << Failure::TooNew;
    QTest::newRow("a year ahead") << qint64(-31536000) << 300 << Failure::TooNew;
    QTest::newRow("10 s old, 10 s tolerance") << qint64(10) << 10 << Failure::None;
    QTest::newRow("11 s old, 10 s tolerance") << qint64(11) << 10 << Failure::TooOld;
    QTest::newRow("1 s ahead, no tolerance") << qint64(-1) << 0 << Failure::TooNew;
}

void TestWebhookSignature::toleranceIsInclusive()
{
    // Signed afresh at the timestamp under test, so only the clock can refuse it.
    QFETCH(qint64, age);
    QFETCH(int, tolerance);
    QFETCH(Failure, expected);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const qint64 timestamp = now.toSecsSinceEpoch() - age;
    const QByteArray key = vectorKey();
    const StandardWebhooks::Headers headers{
        "msg_tolerance", QByteArray::number(timestamp),
        StandardWebhooks::sign(key, "msg_tolerance", timestamp, vectorBody)};
    QCOMPARE(StandardWebhooks::verify({key}, headers, vectorBody, now, tolerance), expected);
}

void TestWebhookSignature::idsAndTimestampsAreCheckedStrictly_data()
{
    QTest::addColumn<QByteArray>("id");
    QTest::addColumn<QByteArray>("timestamp");
    QTest::addColumn<Failure>("expected");
    const QByteArray ts = QByteArray::number(vectorTimestamp);
    QTest::newRow("id of 255 bytes") << QByteArray(255, 'a') << ts << Failure::None;
    QTest::newRow("id of 256 bytes") << QByteArray(256, 'a') << ts << Failure::InvalidId;
    QTest::newRow("id with a dot") << QByteArray("msg.1") << ts << Failure::InvalidId;
    QTest::newRow("id that is a dot") << QByteArray(".") << ts << Failure::InvalidId;
    QTest::newRow("id with a space") << QByteArray("msg 1") << ts << Failure::None;
    QTest::newRow("negative timestamp")
        << vectorId << QByteArray("-" + ts) << Failure::InvalidTimestamp;
    QTest::newRow("plus sign") << vectorId << QByteArray("+" + ts) << Failure::InvalidTimestamp;
    QTest::newRow("fraction") << vectorId << QByteArray(ts + ".5") << Failure::InvalidTimestamp;
    QTest::newRow("leading space") << vectorId << QByteArray(" " + ts) << Failure::InvalidTimestamp;
    QTest::newRow("trailing newline")
        << vectorId << QByteArray(ts + "\n") << Failure::InvalidTimestamp;
    QTest::newRow("exponent") << vectorId << QByteArray("1.6e9") << Failure::InvalidTimestamp;
    QTest::newRow("hexadecimal") << vectorId << QByteArray("0x6037a4f2")
                                 << Failure::InvalidTimestamp;
    QTest::newRow("milliseconds") << vectorId << QByteArray(ts + "000") << Failure::TooNew;
    QTest::newRow("past qint64") << vectorId << QByteArray(40, '9') << Failure::InvalidTimestamp;
    QTest::newRow("Arabic-Indic digits")
        << vectorId << QByteArray("\xd9\xa1\xd9\xa6") << Failure::InvalidTimestamp;
}

void TestWebhookSignature::idsAndTimestampsAreCheckedStrictly()
{
    QFETCH(QByteArray, id);
    QFETCH(QByteArray, timestamp);
    QFETCH(Failure, expected);
    // Correctly signed over exactly these header bytes, so only the header rule can refuse.
    const QByteArray key = vectorKey();
    QByteArray message = id + '.' + timestamp + '.' + vectorBody;
    QMessageAuthenticationCode mac(QCryptographicHash::Sha256, key);
    mac.addData(message);
    const QByteArray signature = "v1," + mac.result().toBase64();
    QCOMPARE(StandardWebhooks::verify({key}, {id, timestamp, signature}, vectorBody,
                                      at(vectorTimestamp)),
             expected);
}

void TestWebhookSignature::signatureListsAreReadEntryByEntry_data()
{
    QTest::addColumn<QByteArray>("signature");
    QTest::addColumn<Failure>("expected");
    const QByteArray good = vectorSignature;
    const QByteArray base64 = good.mid(3);
    QTest::newRow("one") << good << Failure::None;
    QTest::newRow("doubled spaces") << QByteArray("v1,Zm9v  " + good) << Failure::None;
    QTest::newRow("valid one last of four")
        << QByteArray("v1,AAAA v1,@@@@ v1a," + base64 + " " + good) << Failure::None;
    QTest::newRow("right bytes under v2") << QByteArray("v2," + base64) << Failure::NoMatch;
    QTest::newRow("right bytes under v1a") << QByteArray("v1a," + base64) << Failure::NoMatch;
    QTest::newRow("right bytes, no version") << base64 << Failure::NoMatch;
    QTest::newRow("upper-case version") << QByteArray("V1," + base64) << Failure::NoMatch;
    QTest::newRow("version with '='") << QByteArray("v1=" + base64) << Failure::NoMatch;
    QTest::newRow("padding dropped") << QByteArray("v1," + base64.chopped(1)) << Failure::NoMatch;
    // The vector's signature holds '+' and '/', which the URL-safe alphabet spells '-' and '_'.
    QTest::newRow("url-safe alphabet")
        << QByteArray("v1,g0hM9SsE-OTPJTGt_tmIKtSyZlE3uFJELVlNIOLJ1OE=") << Failure::NoMatch;
    QTest::newRow("characters outside base64") << QByteArray("v1,!!!!$$$$") << Failure::NoMatch;
    QTest::newRow("only padding") << QByteArray("v1,====") << Failure::NoMatch;
    QTest::newRow("comma inside") << QByteArray("v1,abc,def") << Failure::NoMatch;
    QTest::newRow("64 bytes of base64")
        << QByteArray("v1," + QByteArray(64, 'A').toBase64()) << Failure::NoMatch;
    QTest::newRow("hex instead of base64")
        << QByteArray("v1," + QByteArray::fromBase64(base64).toHex()) << Failure::NoMatch;
    QTest::newRow("separated by a comma") << QByteArray("v1,Zm9v," + good) << Failure::NoMatch;
    QTest::newRow("trailing newline") << QByteArray(good + "\n") << Failure::NoMatch;
    QTest::newRow("trailing space") << QByteArray(good + " ") << Failure::None;
    QTest::newRow("only spaces") << QByteArray("   ") << Failure::NoMatch;
}

void TestWebhookSignature::signatureListsAreReadEntryByEntry()
{
    QFETCH(QByteArray, signature);
    QFETCH(Failure, expected);
    StandardWebhooks::Headers headers = vectorHeaders();
    headers.signature = signature;
    QCOMPARE(StandardWebhooks::verify({vectorKey()}, headers, vectorBody, at(vectorTimestamp)),
             expected);
}

void TestWebhookSignature::noUsableSecret()
{
    QCOMPARE(StandardWebhooks::verify({}, vectorHeaders(), vectorBody, at(vectorTimestamp)),
             Failure::NoSecret);
    QCOMPARE(StandardWebhooks::verify({QByteArray(), QByteArray("")}, vectorHeaders(), vectorBody,
                                      at(vectorTimestamp)),
             Failure::NoSecret);
    // An empty key beside a real one is skipped, not fatal.
    QCOMPARE(StandardWebhooks::verify({QByteArray(), vectorKey()}, vectorHeaders(), vectorBody,
                                      at(vectorTimestamp)),
             Failure::None);
    for (const Failure f :
         {Failure::None, Failure::MissingHeader, Failure::InvalidId, Failure::InvalidTimestamp,
          Failure::TooOld, Failure::TooNew, Failure::NoMatch, Failure::NoSecret})
        QVERIFY(!StandardWebhooks::describe(f).isEmpty());
    QVERIFY(StandardWebhooks::describe(Failure::TooOld) !=
            StandardWebhooks::describe(Failure::TooNew));
}

void TestWebhookSignature::keyRotation()
{
    const QByteArray oldKey = vectorKey();
    const auto newKey = StandardWebhooks::decodeSecret("whsec_" + QByteArray(32, 'k').toBase64());
    QVERIFY(newKey.has_value());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const qint64 ts = now.toSecsSinceEpoch();
    const QByteArray body = R"({"type":"claim_created","data":{"claim_id":"CLM-1"}})";
    auto headers = [&](const QByteArray &signature) {
        return StandardWebhooks::Headers{"msg_rotation", QByteArray::number(ts), signature};
    };
    const QByteArray signedOld = StandardWebhooks::sign(oldKey, "msg_rotation", ts, body);
    const QByteArray signedNew = StandardWebhooks::sign(*newKey, "msg_rotation", ts, body);
    QVERIFY(signedOld != signedNew);

    // During the overlap both secrets are configured, and a sender may list both signatures.
    const QList<QByteArray> overlap{oldKey, *newKey};
    QCOMPARE(StandardWebhooks::verify(overlap, headers(signedOld), body, now), Failure::None);
    QCOMPARE(StandardWebhooks::verify(overlap, headers(signedNew), body, now), Failure::None);
    QCOMPARE(StandardWebhooks::verify(overlap, headers(signedOld + " " + signedNew), body, now),
             Failure::None);

    // After the overlap only the new secret is configured.
    const QList<QByteArray> rotated{*newKey};
    QCOMPARE(StandardWebhooks::verify(rotated, headers(signedOld), body, now), Failure::NoMatch);
    QCOMPARE(StandardWebhooks::verify(rotated, headers(signedNew), body, now), Failure::None);
    QCOMPARE(StandardWebhooks::verify(rotated, headers(signedOld + " " + signedNew), body, now),
             Failure::None);
    // And a secret never configured is refused throughout.
    QCOMPARE(StandardWebhooks::verify({oldKey}, headers(signedNew), body, now), Failure::NoMatch);
}

void TestWebhookSignature::randomRoundTrips()
{
    // What sign() makes, verify() accepts, whatever the key, id and body bytes.
    QRandomGenerator random(6001);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < 300; ++i) {
        const QByteArray key = randomBytes(random, 24 + random.bounded(41));
        QByteArray id =
            "msg_" + randomBytes(random, random.bounded(1, 40))
                         .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        const QByteArray body = randomBytes(random, random.bounded(2000));
        const qint64 ts = now.toSecsSinceEpoch() - random.bounded(600) + 300;
        const auto decoded = StandardWebhooks::decodeSecret("whsec_" + key.toBase64());
        QVERIFY(decoded.has_value());
        QCOMPARE(*decoded, key);
        const StandardWebhooks::Headers headers{id, QByteArray::number(ts),
                                                StandardWebhooks::sign(key, id, ts, body)};
        QCOMPARE(StandardWebhooks::verify({key}, headers, body, now), Failure::None);
    }
}

void TestWebhookSignature::singleBitFlipsAreRefused()
{
    const QByteArray key = vectorKey();
    const StandardWebhooks::Headers original = vectorHeaders();
    const QDateTime now = at(vectorTimestamp);
    QCOMPARE(StandardWebhooks::verify({key}, original, vectorBody, now), Failure::None);

    QRandomGenerator random(20261201);
    int flipsIn[3] = {0, 0, 0};
    QMap<Failure, int> outcomes;
    for (int i = 0; i < 10000; ++i) {
        StandardWebhooks::Headers headers = original;
        QByteArray body = vectorBody;
        const int part = int(random.bounded(3));
        QByteArray &target = part == 0 ? body : part == 1 ? headers.id : headers.timestamp;
        const int byte = int(random.bounded(quint32(target.size())));
        const int bit = int(random.bounded(8));
        target[byte] = char(target[byte] ^ (1 << bit));
        ++flipsIn[part];
        const Failure failure = StandardWebhooks::verify({key}, headers, body, now);
        if (failure == Failure::None) {
            QFAIL(qPrintable(QStringLiteral("flip %1 (part %2, byte %3, bit %4) was accepted")
                                 .arg(i)
                                 .arg(part)
                                 .arg(byte)
                                 .arg(bit)));
        }
        ++outcomes[failure];
    }
    for (int count : flipsIn)
        QVERIFY(count > 3000);
    // Refused for the right reasons: most by the signature, some by the header rules.
    QVERIFY(outcomes.value(Failure::NoMatch) > 5000);
    QVERIFY(outcomes.value(Failure::InvalidTimestamp) > 0);
}

// ---- Metriport -----------------------------------------------------------------------------

void TestWebhookSignature::metriportVector()
{
    QCOMPARE(MetriportSignature::sign(metriportKey, metriportBody), metriportSignature);
    QVERIFY(MetriportSignature::verify(metriportKey, metriportBody, metriportSignature));
    QVERIFY(!MetriportSignature::verify("testWebhookKey2", metriportBody, metriportSignature));
    QVERIFY(!MetriportSignature::verify(metriportKey, "{\"event\": \"test_event\"}",
                                        metriportSignature));
    QVERIFY(!MetriportSignature::verify({}, metriportBody,
                                        MetriportSignature::sign({}, metriportBody)));
    // Round trip over bodies of many sizes (HMAC keys longer than a block are hashed first).
    QRandomGenerator random(42);
    for (int size : {0, 1, 63, 64, 65, 1000, 100000}) {
        const QByteArray key = randomBytes(random, 10 + size % 90);
        const QByteArray body = randomBytes(random, size);
        const QByteArray header = MetriportSignature::sign(key, body);
        QCOMPARE(header.size(), 64);
        QVERIFY(MetriportSignature::verify(key, body, header));
    }
}

void TestWebhookSignature::metriportHeadersAreCheckedStrictly_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<bool>("accepted");
    const QByteArray good = metriportSignature;
    QTest::newRow("exact") << good << true;
    QTest::newRow("upper case") << good.toUpper() << false;
    QTest::newRow("one upper-case digit") << QByteArray("D" + good.mid(1)) << false;
    QTest::newRow("short by one") << good.chopped(1) << false;
    QTest::newRow("long by one") << QByteArray(good + "0") << false;
    QTest::newRow("doubled") << QByteArray(good + good) << false;
    QTest::newRow("empty") << QByteArray() << false;
    QTest::newRow("not hex") << QByteArray("g" + good.mid(1)) << false;
    QTest::newRow("sha256= prefix") << QByteArray("sha256=" + good) << false;
    QTest::newRow("leading space") << QByteArray(" " + good.chopped(1)) << false;
    QTest::newRow("trailing newline") << QByteArray(good.chopped(1) + "\n") << false;
    QTest::newRow("base64 of the MAC") << QByteArray::fromHex(good).toBase64() << false;
    QTest::newRow("raw MAC bytes") << QByteArray::fromHex(good) << false;
    QTest::newRow("last digit changed") << QByteArray(good.chopped(1) + "5") << false;
    QTest::newRow("64 zeros") << QByteArray(64, '0') << false;
}

void TestWebhookSignature::metriportHeadersAreCheckedStrictly()
{
    QFETCH(QByteArray, header);
    QFETCH(bool, accepted);
    QCOMPARE(MetriportSignature::verify(metriportKey, metriportBody, header), accepted);
}

void TestWebhookSignature::metriportBitFlipsAreRefused()
{
    QRandomGenerator random(4242);
    for (int i = 0; i < 10000; ++i) {
        QByteArray body = metriportBody;
        QByteArray header = metriportSignature;
        QByteArray &target = random.bounded(2) == 0 ? body : header;
        const int byte = int(random.bounded(quint32(target.size())));
        target[byte] = char(target[byte] ^ (1 << random.bounded(8)));
        QVERIFY2(!MetriportSignature::verify(metriportKey, body, header),
                 qPrintable(QStringLiteral("flip %1 was accepted").arg(i)));
    }
}

QTEST_GUILESS_MAIN(TestWebhookSignature)
#include "tst_webhooksignature.moc"
