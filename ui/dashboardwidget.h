// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "services/eligibility/verificationstats.h"

#include <QTimer>
#include <QWidget>

class ActionListModel;
class EligibilityService;
class PatientService;
class ActivityFilterModel;
class QAction;
class QBarCategoryAxis;
class QBarSet;
class QChart;
class QComboBox;
class QHorizontalBarSeries;
class QLabel;
class QPieSeries;
class QStackedWidget;
class QTableView;
class QValueAxis;
class RecentActivityModel;

/*!
  The verification dashboard. It leads with what needs action today: the patients on today's
  and tomorrow's schedule whose coverage is rejected, inactive, needs review, expired or not
  verified, each opening the patient. Below come the key figures of a period (count, success,
  inactive and failure rate, response times), the status breakdown, the most common rejection
  reasons and the most recent attempts, which can be filtered by status. Everything is read on
  the store's workers. While on screen it follows finished verifications, recomputing at most
  once a second; while hidden it reads nothing and catches up when shown (the action list is
  read again on every show: visits are booked and cancelled elsewhere). F5 reloads everything.
 */
class DashboardWidget : public QWidget
{
    Q_OBJECT
public:
    explicit DashboardWidget(EligibilityService *service, QWidget *parent = nullptr);
    //! With \a patients, edits of patients and coverages show in the recent activity at once.
    DashboardWidget(EligibilityService *service, PatientService *patients,
                    QWidget *parent = nullptr);
    ~DashboardWidget() override;

    StatsPeriod period() const { return m_period; }
    void setPeriod(StatsPeriod period);
    //! Reloads the figures and the recent activity from the database.
    void refresh();

    const VerificationStats &stats() const { return m_stats; }
    RecentActivityModel *recentActivityModel() const { return m_model; }
    ActionListModel *actionListModel() const { return m_actions; }
    ActivityFilterModel *activityFilter() const { return m_filter; }
    QAction *refreshAction() const { return m_refreshAction; }
    //! Why the figures could not be read; empty when fine.
    QString errorString() const { return m_error; }
    //! How many times the figures were read (for tests of the live behaviour).
    int statisticsReads() const { return m_statisticsReads; }

    //! At most one recomputation of the figures per this interval while verifications finish.
    static constexpr int liveRefreshIntervalMs = 1000;

Q_SIGNALS:
    //! The clerk opened a row of the action list or the recent activity (double-click or Enter).
    void patientActivated(qint64 patientId);
    //! New figures are on screen (or could not be read: see errorString()).
    void statisticsUpdated();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    QWidget *createTile(const QString &title, const QString &toolTip, const QString &objectName,
                        QLabel **value);
    QWidget *createActionList();
    QWidget *createStatusChart();
    QWidget *createReasonsChart();
    void recomputeStats();
    void onLiveTimeout();
    void onActionsLoaded();
    void onVerificationFinished();
    void updateTiles();
    void updateStatusChart();
    void updateReasonsChart();
    QString durationText(double ms) const;
    QString rateText(double rate) const;

    EligibilityService *m_service;
    StatsPeriod m_period = StatsPeriod::Today;
    VerificationStats m_stats;
    RecentActivityModel *m_model;
    ActivityFilterModel *m_filter;
    ActionListModel *m_actions;
    QTimer m_liveTimer;
    bool m_dirty = false;
    quint64 m_generation = 0;
    int m_statisticsReads = 0;
    QString m_error;
    QLabel *m_errorLabel = nullptr;
    QComboBox *m_showCombo = nullptr;

    QAction *m_refreshAction = nullptr;
    QComboBox *m_periodCombo = nullptr;
    QLabel *m_updatedLabel = nullptr;
    QLabel *m_verificationsValue = nullptr;
    QLabel *m_successRateValue = nullptr;
    QLabel *m_inactiveRateValue = nullptr;
    QLabel *m_failureRateValue = nullptr;
    QLabel *m_averageValue = nullptr;
    QLabel *m_p95Value = nullptr;
    QStackedWidget *m_chartStack = nullptr;
    QStackedWidget *m_reasonsStack = nullptr;
    QPieSeries *m_statusSeries = nullptr;
    QChart *m_reasonsChart = nullptr;
    QHorizontalBarSeries *m_reasonsSeries = nullptr;
    QBarSet *m_reasonsSet = nullptr;
    QBarCategoryAxis *m_reasonsAxis = nullptr;
    QValueAxis *m_countAxis = nullptr;
    QStringList m_reasonTexts; // full texts of the bars, bottom to top, for tooltips
    QTableView *m_table = nullptr;
    QLabel *m_actionsHeading = nullptr;
    QStackedWidget *m_actionStack = nullptr;
    QLabel *m_actionsEmpty = nullptr;
    QTableView *m_actionTable = nullptr;
};
