// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QTest>
#include <QThread>

#include <memory>

/*!
  main() for tests that call repositories directly: the test object runs on a worker thread,
  as repositories do in the app (Store's writer and readers). The SQL guard stays on
  (CLINICDESK_SQL_GUARD=fatal): a query from the main thread would still abort the test.
 */
#define CLINICDESK_STORE_TEST_MAIN(TestObject)                                                     \
    int main(int argc, char *argv[])                                                               \
    {                                                                                              \
        QCoreApplication app(argc, argv);                                                          \
        int status = 1;                                                                            \
        std::unique_ptr<QThread> worker(QThread::create([&] {                                      \
            TestObject test;                                                                       \
            status = QTest::qExec(&test, argc, argv);                                              \
        }));                                                                                       \
        worker->setObjectName(QStringLiteral("store-test"));                                       \
        worker->start();                                                                           \
        worker->wait();                                                                            \
        return status;                                                                             \
    }
