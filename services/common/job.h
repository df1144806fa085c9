// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

/*!
  The base of every remote call and every long task: start(), cancel(), one finished() signal,
  an error enum and a translated errorString() that tells the user what went wrong and what to
  do. Subclasses implement doStart() (and doCancel() to stop what is in flight) and end with
  finish(). finished() is emitted exactly once, after cancel() too (with Cancelled, which is
  never an error to show). With autoDelete (the default) the job deletes itself afterwards.
 */
class Job : public QObject
{
    Q_OBJECT
public:
    enum class Error {
        NoError,
        Cancelled,       // stopped by the user or the program
        Timeout,         // no answer in time
        NetworkError,    // connection refused or reset, DNS, TLS
        ServerError,     // HTTP 5xx
        Busy,            // the other side asked us to come back later (HTTP 429, AAA 42)
        HttpError,       // another unexpected HTTP status
        TooLarge,        // the answer was larger than we accept
        InvalidResponse, // the answer could not be read, or does not answer what we asked
        Rejected,        // the other side refused the request; sending it unchanged won't help
        InvalidRequest,  // the request could not be made: something is missing or wrong
        StorageError,    // the local database refused a read or a write
        NotPermitted,    // the signed-in person's role may not do this
    };
    Q_ENUM(Error)

    explicit Job(QObject *parent = nullptr);
    ~Job() override;

    //! Starts the job; later calls do nothing. Connect to finished() first.
    void start();
    //! Stops the job: it finishes with Cancelled unless it already finished.
    void cancel();

    bool isStarted() const { return m_started; }
    bool isFinished() const { return m_finished; }
    bool wasCancelled() const { return m_error == Error::Cancelled; }
    Error error() const { return m_error; }
    //! What went wrong and what to do, translated; empty without an error or when cancelled.
    QString errorString() const;

    bool autoDelete() const { return m_autoDelete; }
    void setAutoDelete(bool autoDelete) { m_autoDelete = autoDelete; }

    //! A plain-language sentence for an error category, for jobs that have nothing better.
    static QString defaultErrorString(Error error);

Q_SIGNALS:
    void finished(Job *job);

protected:
    virtual void doStart() = 0;
    //! Stops network requests, timers and the like; finish() is called by cancel() afterwards.
    virtual void doCancel() {}
    //! Ends the job once: records the outcome and emits finished().
    void finish(Error error = Error::NoError, const QString &errorText = {});

private:
    bool m_started = false;
    bool m_finished = false;
    bool m_autoDelete = true;
    Error m_error = Error::NoError;
    QString m_errorText;
};
