// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/claimformdialog.h"

#include "models/claimdiagnosesmodel.h"
#include "models/claimlinesmodel.h"
#include "models/patientsearchmodel.h"
#include "services/claims/claimcodes.h"
#include "services/claims/claimservice.h"
#include "services/common/async.h"
#include "services/domain/dateformats.h"
#include "services/patients/patientservice.h"
#include "ui_claimformdialog.h"

#include <QAbstractProxyModel>
#include <QCompleter>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>
#include <QStyle>
#include <QStyledItemDelegate>
#include <QTimer>
#include <QTreeView>

#include <algorithm>

namespace {
const char errorBorder[] = "border: 2px solid #b02323;";
const char warningBorder[] = "border: 2px solid #c98a00;";

/*!
  Cell editors that hand every keystroke to the model, so the validator sees the code as it is
  typed; and that leave their own text alone when the model echoes it back (the cursor stays).
 */
class LiveCellDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &,
                          const QModelIndex &index) const override
    {
        auto *edit = new QLineEdit(parent);
        edit->setFrame(false);
        const QVariant alignment = index.data(Qt::TextAlignmentRole);
        if (alignment.isValid())
            edit->setAlignment(alignment.value<Qt::Alignment>());
        auto *self = const_cast<LiveCellDelegate *>(this);
        QObject::connect(edit, &QLineEdit::textEdited, self,
                         [self, edit] { Q_EMIT self->commitData(edit); });
        return edit;
    }

    void setEditorData(QWidget *editor, const QModelIndex &index) const override
    {
        auto *edit = qobject_cast<QLineEdit *>(editor);
        const QString text = index.data(Qt::EditRole).toString();
        if (edit && edit->text() != text)
            edit->setText(text);
    }

    void setModelData(QWidget *editor, QAbstractItemModel *model,
                      const QModelIndex &index) const override
    {
        if (auto *edit = qobject_cast<QLineEdit *>(editor))
            model->setData(index, edit->text(), Qt::EditRole);
    }
};

QString coverageText(const Coverage &coverage)
{
    //: Coverage picker entry: %1 payer, %2 member ID, %3 Primary/Secondary/Tertiary
    return ClaimFormDialog::tr("%1 · member %2 · %3")
        .arg(coverage.payerName.isEmpty() ? coverage.payerId : coverage.payerName,
             coverage.memberId, coverageOrderName(coverage.order));
}

//! "diagnoses[1].code" → {1, "code"}, for placing the focus; false for other fields.
bool cellOf(const QString &field, const char *list, int *row, QString *member)
{
    const QString prefix = QLatin1String(list) + QLatin1Char('[');
    if (!field.startsWith(prefix))
        return false;
    const qsizetype close = field.indexOf(QLatin1Char(']'));
    if (close < 0)
        return false;
    bool ok = false;
    *row = field.mid(prefix.size(), close - prefix.size()).toInt(&ok);
    *member = field.mid(close + 2); // after "]."
    return ok;
}
} // namespace

ClaimFormDialog::ClaimFormDialog(ClaimService *claims, ClaimPreparer *preparer,
                                 PatientService *patients, const PayorJson::Provider &provider,
                                 int timelyFilingDays, const QString &user, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ClaimFormDialog>())
    , m_claims(claims)
    , m_preparer(preparer)
    , m_patients(patients)
    , m_provider(provider)
    , m_timelyFilingDays(timelyFilingDays)
    , m_user(user)
    , m_diagnoses(new ClaimDiagnosesModel(this))
    , m_lines(new ClaimLinesModel(this))
    , m_patientSearch(new PatientSearchModel(patients, this))
    , m_completer(new QCompleter(this))
    , m_searchTimer(new QTimer(this))
{
    m_ui->setupUi(this);
    setWindowTitle(tr("New Claim"));
    m_ui->correctionLabel->hide();
    m_ui->messageLabel->hide();
    m_ui->messageLabel->setStyleSheet(QStringLiteral("color: #b02323; font-weight: bold;"));
    m_ui->correctionLabel->setStyleSheet(
        QStringLiteral("background: #e3effb; border: 1px solid #7aa7d6; border-radius: 3px; "
                       "padding: 6px; font-weight: bold;"));

    m_saveButton = m_ui->buttonBox->addButton(tr("Save &Draft"), QDialogButtonBox::ActionRole);
    m_submitButton = m_ui->buttonBox->addButton(tr("S&ubmit"), QDialogButtonBox::AcceptRole);
    m_submitButton->setToolTip(tr("Validate the claim and queue it for the payor"));
    // A long form: Enter in a field must not send the claim.
    for (QAbstractButton *button : m_ui->buttonBox->buttons()) {
        if (auto *push = qobject_cast<QPushButton *>(button)) {
            push->setAutoDefault(false);
            push->setDefault(false);
        }
    }
    disconnect(m_ui->buttonBox, nullptr, this, nullptr);
    connect(m_saveButton, &QPushButton::clicked, this, &ClaimFormDialog::saveDraft);
    connect(m_submitButton, &QPushButton::clicked, this, &ClaimFormDialog::submit);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &ClaimFormDialog::reject);

    setUpHeader();
    setUpPatientPicker();
    setUpTables();

    // A new claim starts with one empty diagnosis and one line to type into.
    m_diagnoses->insertRows(0, 1);
    m_lines->insertRows(0, 1);
    m_claim.dateOfService = QDate::currentDate();
    // The clinic bills until a patient is chosen (which fills the same from the preparer).
    m_claim.billingProvider = {preparer->clinic().name, preparer->clinic().npi};
    m_claim.renderingProvider = m_claim.billingProvider;
    fillForm(m_claim);
    // Fits a 1280×800 screen with room for the title bar; the tables scroll.
    resize(1080, 760);
    m_ui->patientSearchEdit->setFocus();
}

ClaimFormDialog::~ClaimFormDialog() = default;

void ClaimFormDialog::setUpHeader()
{
    const QLocale locale = DateFormats::displayLocale();
    m_ui->dateEdit->setLocale(locale);
    m_ui->dateEdit->setDisplayFormat(DateFormats::dateFormat(locale));
    // A service is billed once given: no date ahead of today.
    m_ui->dateEdit->setMaximumDate(QDate::currentDate());
    m_ui->dateEdit->setMinimumDate(QDate(2000, 1, 1));

    for (const QString &code : ClaimCodes::knownPlacesOfService())
        //: Place of service picker entry: %1 the two-digit code, %2 its name
        m_ui->placeCombo->addItem(tr("%1 – %2").arg(code, ClaimCodes::placeOfServiceName(code)),
                                  code);
    m_ui->placeCombo->setMinimumContentsLength(18);
    for (const ClaimPriority priority :
         {ClaimPriority::Low, ClaimPriority::Medium, ClaimPriority::High, ClaimPriority::Urgent})
        m_ui->priorityCombo->addItem(claimPriorityName(priority), int(priority));

    m_ui->billingNpiEdit->setPlaceholderText(tr("10 digits"));
    m_ui->renderingNpiEdit->setPlaceholderText(tr("same as billing when empty"));
    m_ui->notesEdit->setPlaceholderText(tr("Sent to the payor with the claim"));
    m_ui->overrideReasonLabel->hide();
    m_ui->overrideReasonEdit->hide();
    m_ui->coverageStatusLabel->hide();
    m_ui->headerIssuesLabel->hide();
    m_ui->coverageCombo->setEnabled(false);

    const auto changed = [this] { revalidate(); };
    connect(m_ui->dateEdit, &QDateEdit::dateChanged, this, [this] {
        if (m_filling)
            return;
        refreshCheckData(); // the coverage state is about the date of service
        revalidate();
    });
    connect(m_ui->placeCombo, &QComboBox::currentTextChanged, this, changed);
    connect(m_ui->priorityCombo, &QComboBox::currentIndexChanged, this, changed);
    for (QLineEdit *edit : {m_ui->billingNameEdit, m_ui->billingNpiEdit, m_ui->renderingNameEdit,
                            m_ui->renderingNpiEdit, m_ui->overrideReasonEdit})
        connect(edit, &QLineEdit::textChanged, this, changed);
    connect(m_ui->notesEdit, &QPlainTextEdit::textChanged, this, changed);
    connect(m_ui->coverageCombo, &QComboBox::currentIndexChanged, this,
            &ClaimFormDialog::coverageChosen);
    connect(m_ui->issuesList, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        focusIssue(item->data(Qt::UserRole).toString());
    });
}

void ClaimFormDialog::setUpPatientPicker()
{
    m_completer->setModel(m_patientSearch);
    m_completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_completer->setCompletionColumn(PatientSearchModel::NameColumn);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    // Name, date of birth, gender, MRN side by side: two Jane Smiths are told apart.
    auto *popup = new QTreeView;
    popup->setRootIsDecorated(false);
    popup->setHeaderHidden(true);
    popup->setUniformRowHeights(true);
    popup->setAccessibleName(tr("Matching patients"));
    m_completer->setPopup(popup);
    popup->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    popup->setMinimumWidth(480);
    m_completer->setMaxVisibleItems(8);
    m_ui->patientSearchEdit->setCompleter(m_completer);

    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(patientSearchDelayMs);
    connect(m_ui->patientSearchEdit, &QLineEdit::textEdited, this, [this] {
        m_searchTimer->start();
    });
    connect(m_searchTimer, &QTimer::timeout, this, [this] {
        const QString text = m_ui->patientSearchEdit->text().trimmed();
        if (text.size() >= 2)
            m_patientSearch->setSearchText(text);
    });
    connect(m_patientSearch, &PatientSearchModel::searchFinished, this, [this] {
        if (!m_patientSearch->errorString().isEmpty()) {
            m_ui->patientInfoLabel->setText(
                tr("Could not search patients: %1").arg(m_patientSearch->errorString()));
            return;
        }
        if (m_patientSearch->foundNobody())
            m_ui->patientInfoLabel->setText(tr("No patient matches “%1”.")
                                                .arg(m_patientSearch->searchText()));
        else if (m_ui->patientSearchEdit->hasFocus() && m_patientSearch->rowCount() > 0)
            m_completer->complete();
    });
    connect(m_completer, qOverload<const QModelIndex &>(&QCompleter::activated), this,
            [this](const QModelIndex &index) {
                QModelIndex source = index;
                if (auto *proxy = qobject_cast<QAbstractProxyModel *>(m_completer->completionModel()))
                    source = proxy->mapToSource(index);
                const Patient patient = m_patientSearch->patientAt(source.row());
                if (patient.id > 0)
                    startForPatient(patient.id, m_ui->dateEdit->date());
            });
}

void ClaimFormDialog::setUpTables()
{
    QTableView *dx = m_ui->diagnosesView;
    dx->setModel(m_diagnoses);
    dx->setItemDelegate(new LiveCellDelegate(dx));
    // The row numbers are the pointers the lines use.
    dx->verticalHeader()->setToolTip(tr("Pointer: the number service lines use for the diagnosis"));
    const int rowHeight = fontMetrics().height() + 10;
    dx->verticalHeader()->setDefaultSectionSize(rowHeight);
    dx->horizontalHeader()->setSectionResizeMode(ClaimDiagnosesModel::DescriptionColumn,
                                                 QHeaderView::Stretch);
    dx->setColumnWidth(ClaimDiagnosesModel::CodeColumn, 110);
    dx->setMinimumHeight(rowHeight * 4 + dx->horizontalHeader()->sizeHint().height() + 4);

    QTableView *lines = m_ui->linesView;
    lines->setModel(m_lines);
    lines->setItemDelegate(new LiveCellDelegate(lines));
    lines->verticalHeader()->setDefaultSectionSize(rowHeight);
    lines->horizontalHeader()->setSectionResizeMode(ClaimLinesModel::DescriptionColumn,
                                                    QHeaderView::Stretch);
    const QList<std::pair<int, int>> widths{{ClaimLinesModel::CodeColumn, 96},
                                            {ClaimLinesModel::ModifiersColumn, 96},
                                            {ClaimLinesModel::UnitsColumn, 60},
                                            {ClaimLinesModel::UnitPriceColumn, 104},
                                            {ClaimLinesModel::PointersColumn, 76},
                                            {ClaimLinesModel::ChargeColumn, 110}};
    for (const auto &[column, width] : widths)
        lines->setColumnWidth(column, width);
    lines->setMinimumHeight(rowHeight * 5 + lines->horizontalHeader()->sizeHint().height() + 4);
    m_ui->issuesList->setIconSize(QSize(16, 16));
    m_ui->issuesList->setMinimumHeight(fontMetrics().height() * 3 + 12);
    m_ui->issuesList->setMaximumHeight(fontMetrics().height() * 7 + 12);

    m_ui->addDiagnosisButton->setToolTip(tr("Add a diagnosis (Insert in the table)"));
    m_ui->removeDiagnosisButton->setToolTip(tr("Remove the current diagnosis (Delete in the table)"));
    m_ui->addLineButton->setToolTip(tr("Add a service line (Insert in the table)"));
    m_ui->removeLineButton->setToolTip(tr("Remove the current line (Delete in the table)"));
    connect(m_ui->addDiagnosisButton, &QPushButton::clicked, this, &ClaimFormDialog::addDiagnosis);
    connect(m_ui->removeDiagnosisButton, &QPushButton::clicked, this,
            &ClaimFormDialog::removeDiagnosis);
    connect(m_ui->addLineButton, &QPushButton::clicked, this, &ClaimFormDialog::addLine);
    connect(m_ui->removeLineButton, &QPushButton::clicked, this, &ClaimFormDialog::removeLine);
    // Insert and Delete on a table (not inside a cell being edited, where they edit text).
    const auto shortcut = [this](QWidget *view, QKeySequence key, void (ClaimFormDialog::*slot)()) {
        auto *s = new QShortcut(key, view);
        s->setContext(Qt::WidgetShortcut);
        connect(s, &QShortcut::activated, this, slot);
    };
    shortcut(dx, QKeySequence(Qt::Key_Insert), &ClaimFormDialog::addDiagnosis);
    shortcut(dx, QKeySequence(Qt::Key_Delete), &ClaimFormDialog::removeDiagnosis);
    shortcut(lines, QKeySequence(Qt::Key_Insert), &ClaimFormDialog::addLine);
    shortcut(lines, QKeySequence(Qt::Key_Delete), &ClaimFormDialog::removeLine);

    for (QAbstractItemModel *model : {static_cast<QAbstractItemModel *>(m_diagnoses),
                                      static_cast<QAbstractItemModel *>(m_lines)}) {
        connect(model, &QAbstractItemModel::dataChanged, this,
                [this](const QModelIndex &, const QModelIndex &, const QList<int> &roles) {
                    // Tinting cells is itself a change of data: only edits are revalidated.
                    if (roles.isEmpty() || roles.contains(Qt::EditRole))
                        revalidate();
                });
        connect(model, &QAbstractItemModel::rowsInserted, this, [this] { revalidate(); });
        connect(model, &QAbstractItemModel::rowsRemoved, this, [this] { revalidate(); });
    }
    connect(m_lines, &ClaimLinesModel::totalChanged, this, &ClaimFormDialog::updateTotal);
}

// ---- starting points

void ClaimFormDialog::beginLoad()
{
    ++m_pending;
    updateButtons();
}

void ClaimFormDialog::endLoad()
{
    m_pending = std::max(0, m_pending - 1);
    updateButtons();
    if (m_pending == 0)
        Q_EMIT loaded();
}

void ClaimFormDialog::showLoadError(const QString &error)
{
    m_ui->messageLabel->setText(error);
    m_ui->messageLabel->show();
    Q_EMIT loadFailed(error);
}

void ClaimFormDialog::startForPatient(qint64 patientId, const QDate &dateOfService)
{
    const QDate dos = dateOfService.isValid() ? dateOfService : QDate::currentDate();
    const quint64 generation = ++m_startGeneration;
    beginLoad();
    Async::whenReady(m_preparer->forPatient(patientId, dos), this,
                     [this, generation](const StoreResult<ClaimStart> &start) {
                         if (generation == m_startGeneration)
                             applyStart(start, true);
                         endLoad();
                     });
}

void ClaimFormDialog::startForVisit(qint64 appointmentId)
{
    const quint64 generation = ++m_startGeneration;
    setWindowTitle(tr("New Claim from Visit"));
    beginLoad();
    Async::whenReady(m_preparer->forVisit(appointmentId), this,
                     [this, generation](const StoreResult<ClaimStart> &start) {
                         if (generation == m_startGeneration)
                             applyStart(start, false);
                         endLoad();
                     });
}

void ClaimFormDialog::applyStart(const StoreResult<ClaimStart> &start, bool keepTyped)
{
    if (!start) {
        showLoadError(start.error());
        return;
    }
    m_ui->messageLabel->hide();
    const Claim typed = claim();
    Claim next = start->claim;
    next.id = m_claim.id;
    next.claimNumber = m_claim.claimNumber;
    next.status = m_claim.status;
    next.frequency = m_claim.frequency;
    next.replacesClaimId = m_claim.replacesClaimId;
    if (!next.appointmentId)
        next.appointmentId = m_claim.appointmentId;
    if (keepTyped) {
        // Choosing the patient after typing the codes keeps the codes, and the rest typed;
        // the date of service is the one the start asked for (the picker passes the form's).
        next.placeOfService = typed.placeOfService;
        next.priority = typed.priority;
        if (!typed.notes.isEmpty())
            next.notes = typed.notes;
        if (!typed.billingProvider.npi.isEmpty() || !typed.billingProvider.name.isEmpty())
            next.billingProvider = typed.billingProvider;
        if (!typed.renderingProvider.npi.isEmpty() || !typed.renderingProvider.name.isEmpty())
            next.renderingProvider = typed.renderingProvider;
    }
    next.diagnoses = typed.diagnoses;
    next.lines = typed.lines;
    m_coverages = start->coverages;
    m_claim = next;
    fillForm(next);
    if (m_coverages.isEmpty()) {
        m_ui->messageLabel->setText(tr("%1 has no active insurance on file; add a coverage to "
                                       "the patient before billing.")
                                        .arg(next.patientName));
        m_ui->messageLabel->show();
    }
    refreshCheckData();
}

void ClaimFormDialog::editClaim(const Claim &claim)
{
    m_claim = claim;
    m_stored = {};
    const bool following = claim.replacesClaimId != 0;
    if (claim.frequency == ClaimFrequency::Replacement)
        setWindowTitle(tr("Correct Claim"));
    else if (claim.id != 0)
        setWindowTitle(tr("Edit Claim %1").arg(claim.claimNumber));
    m_ui->patientSearchEdit->setReadOnly(following);
    m_diagnoses->setDiagnoses(claim.diagnoses);
    m_lines->setLines(claim.lines);
    if (claim.diagnoses.isEmpty())
        m_diagnoses->insertRows(0, 1);
    if (claim.lines.isEmpty())
        m_lines->insertRows(0, 1);
    m_coverages.clear();
    fillForm(claim);
    m_ui->overrideReasonEdit->setText(claim.coverageOverrideReason);

    // The patient's coverages to choose among; the claim's own stays chosen.
    const quint64 generation = ++m_startGeneration;
    beginLoad();
    Async::whenReady(m_preparer->forPatient(claim.patientId, claim.dateOfService), this,
                     [this, generation](const StoreResult<ClaimStart> &start) {
                         if (generation == m_startGeneration) {
                             if (start) {
                                 m_coverages = start->coverages;
                                 fillCoverages();
                             } else {
                                 showLoadError(start.error());
                             }
                             refreshCheckData();
                         }
                         endLoad();
                     });
    if (following) {
        beginLoad();
        Async::whenReady(m_claims->find(claim.replacesClaimId), this,
                         [this](const StoreResult<std::optional<Claim>> &found) {
                             if (found && found->has_value()) {
                                 const Claim &original = **found;
                                 m_replacedText = original.payerClaimId.isEmpty()
                                     ? original.claimNumber
                                     //: %1 our claim number, %2 the payor's claim number
                                     : tr("%1 (payor claim %2)")
                                           .arg(original.claimNumber, original.payerClaimId);
                             }
                             showCorrection();
                             endLoad();
                         });
    }
    showCorrection();
}

void ClaimFormDialog::showCorrection()
{
    if (!m_claim.replacesClaimId) {
        m_ui->correctionLabel->hide();
        return;
    }
    const QString original = m_replacedText.isEmpty()
                                 ? tr("claim #%1").arg(m_claim.replacesClaimId)
                                 : m_replacedText;
    QString text;
    switch (m_claim.frequency) {
    case ClaimFrequency::Replacement:
        text = tr("Corrected claim replacing %1. It is sent with frequency code 7; the payor "
                  "replaces the original with it.")
                   .arg(original);
        break;
    case ClaimFrequency::Void:
        text = tr("Void of %1 (frequency code 8).").arg(original);
        break;
    case ClaimFrequency::Original:
        text = tr("New claim in place of the rejected %1.").arg(original);
        break;
    }
    m_ui->correctionLabel->setText(text);
    m_ui->correctionLabel->show();
}

void ClaimFormDialog::fillForm(const Claim &claim)
{
    m_filling = true;
    showPatient();
    fillCoverages();
    if (claim.dateOfService.isValid())
        m_ui->dateEdit->setDate(claim.dateOfService);
    const int place = m_ui->placeCombo->findData(claim.placeOfService);
    if (place >= 0)
        m_ui->placeCombo->setCurrentIndex(place);
    else
        m_ui->placeCombo->setEditText(claim.placeOfService);
    m_ui->priorityCombo->setCurrentIndex(m_ui->priorityCombo->findData(int(claim.priority)));
    m_ui->billingNameEdit->setText(claim.billingProvider.name);
    m_ui->billingNpiEdit->setText(claim.billingProvider.npi);
    m_ui->renderingNameEdit->setText(claim.renderingProvider.name);
    m_ui->renderingNpiEdit->setText(claim.renderingProvider.npi);
    m_ui->notesEdit->setPlainText(claim.notes);
    m_filling = false;
    updateTotal();
    revalidate();
}

void ClaimFormDialog::showPatient()
{
    if (m_claim.patientId <= 0 && m_claim.patientName.isEmpty()) {
        m_ui->patientInfoLabel->clear();
        return;
    }
    m_ui->patientSearchEdit->setText(m_claim.patientName);
    QStringList facts;
    if (m_claim.patientDateOfBirth.isValid())
        facts << tr("born %1").arg(DateFormats::format(m_claim.patientDateOfBirth));
    if (m_claim.patientGender == Gender::Female)
        facts << tr("female");
    else if (m_claim.patientGender == Gender::Male)
        facts << tr("male");
    m_ui->patientInfoLabel->setText(facts.join(QStringLiteral(" · ")));
}

void ClaimFormDialog::fillCoverages()
{
    QComboBox *combo = m_ui->coverageCombo;
    const bool filling = m_filling;
    m_filling = true;
    combo->clear();
    int current = -1;
    for (int i = 0; i < m_coverages.size(); ++i) {
        combo->addItem(coverageText(m_coverages.at(i)), i);
        if (m_coverages.at(i).id == m_claim.coverageId)
            current = i;
    }
    // A draft's coverage no longer active is still shown as it is on the claim.
    if (current < 0 && !m_claim.insuranceId.isEmpty()) {
        Coverage own;
        own.id = m_claim.coverageId;
        own.payerId = m_claim.insuranceId;
        own.payerName = m_claim.payerName;
        own.memberId = m_claim.memberId;
        combo->addItem(coverageText(own) + tr(" (as on the claim)"), -1);
        current = combo->count() - 1;
    }
    if (combo->count() == 0)
        combo->addItem(tr("No active coverage on file"), -2);
    combo->setCurrentIndex(std::max(current, 0));
    combo->setEnabled(!m_coverages.isEmpty());
    m_filling = filling;
}

void ClaimFormDialog::coverageChosen(int index)
{
    if (m_filling || index < 0)
        return;
    const int at = m_ui->coverageCombo->itemData(index).toInt();
    if (at < 0 || at >= m_coverages.size())
        return;
    ClaimPreparer::useCoverage(&m_claim, m_coverages.at(at));
    refreshCheckData();
    revalidate();
}

void ClaimFormDialog::refreshCheckData()
{
    if (m_claim.patientId <= 0)
        return;
    const quint64 generation = ++m_checkGeneration;
    m_hasCheckData = false;
    Claim asked = m_claim;
    asked.dateOfService = m_ui->dateEdit->date();
    beginLoad();
    Async::whenReady(m_preparer->checkData(asked), this,
                     [this, generation](const StoreResult<ClaimCheckData> &data) {
                         if (generation == m_checkGeneration) {
                             if (data) {
                                 m_checkData = *data;
                                 m_hasCheckData = true;
                             } else {
                                 showLoadError(data.error());
                             }
                             revalidate();
                         }
                         endLoad();
                     });
}

// ---- the claim and its issues

Claim ClaimFormDialog::claim() const
{
    Claim c = m_claim;
    c.dateOfService = m_ui->dateEdit->date();
    const QVariant placeData = m_ui->placeCombo->currentData();
    const QString placeText = m_ui->placeCombo->currentText().trimmed();
    c.placeOfService = m_ui->placeCombo->findText(placeText) >= 0 && placeData.isValid()
                           ? placeData.toString()
                           : placeText.section(QLatin1Char(' '), 0, 0);
    c.priority = ClaimPriority(m_ui->priorityCombo->currentData().toInt());
    c.billingProvider = {m_ui->billingNameEdit->text().trimmed(),
                         m_ui->billingNpiEdit->text().trimmed()};
    c.renderingProvider = {m_ui->renderingNameEdit->text().trimmed(),
                           m_ui->renderingNpiEdit->text().trimmed()};
    c.notes = m_ui->notesEdit->toPlainText().trimmed();
    c.diagnoses = m_diagnoses->diagnoses();
    // A valid code is stored without its dot; a wrong one as typed, for its message.
    for (ClaimDiagnosis &diagnosis : c.diagnoses) {
        if (ClaimCodes::isIcd10(diagnosis.code))
            diagnosis.code = icd10Stored(diagnosis.code);
    }
    c.lines = m_lines->lines();
    return c;
}

bool ClaimFormDialog::canSubmit() const
{
    return !m_busy && m_pending == 0 && m_hasCheckData && !hasErrors(m_issues);
}

void ClaimFormDialog::revalidate()
{
    if (m_filling)
        return;
    ClaimValidator::Context context;
    if (m_hasCheckData) {
        context = ClaimPreparer::context(m_checkData, m_timelyFilingDays);
    } else {
        // Until the mappings and the eligibility answer are read, say nothing about them.
        context.timelyFilingDays = m_timelyFilingDays;
        context.isInsuranceMapped = [](const QString &) { return true; };
        context.coverage = ClaimValidator::Coverage::Active;
    }
    const QList<ClaimIssue> typed = m_lines->entryIssues();
    QList<ClaimIssue> issues = typed;
    for (const ClaimIssue &issue : ClaimValidator(context).validate(claim())) {
        // Text that cannot be read says so itself; "enter the charge" would only repeat it.
        const bool said = std::any_of(typed.cbegin(), typed.cend(), [&issue](const ClaimIssue &t) {
            return t.field == issue.field;
        });
        if (!said)
            issues.append(issue);
    }
    if (issues != m_issues || m_issues.isEmpty()) {
        m_issues = issues;
        showIssues();
    }
    updateButtons();
}

QWidget *ClaimFormDialog::headerField(const QString &field) const
{
    if (field == QLatin1String("patient"))
        return m_ui->patientSearchEdit;
    if (field == QLatin1String("insuranceId") || field == QLatin1String("memberId") ||
        field == QLatin1String("coverage"))
        return m_ui->coverageCombo;
    if (field == QLatin1String("billingProvider.npi"))
        return m_ui->billingNpiEdit;
    if (field == QLatin1String("renderingProvider.npi"))
        return m_ui->renderingNpiEdit;
    if (field == QLatin1String("placeOfService"))
        return m_ui->placeCombo;
    if (field == QLatin1String("dateOfService"))
        return m_ui->dateEdit;
    if (field == QLatin1String("coverageOverrideReason"))
        return m_ui->overrideReasonEdit;
    return nullptr;
}

void ClaimFormDialog::showIssues()
{
    m_diagnoses->setIssues(m_issues);
    m_lines->setIssues(m_issues);

    // Header fields: a border and the messages on the field, the messages under the fields.
    QHash<QWidget *, QList<ClaimIssue>> byField;
    QStringList headerLines;
    const ClaimIssue *coverageIssue = nullptr;
    for (const ClaimIssue &issue : m_issues) {
        QWidget *field = headerField(issue.field);
        if (!field)
            continue;
        byField[field].append(issue);
        if (issue.field == QLatin1String("coverage")) {
            coverageIssue = &issue;
            continue; // shown in its own box with the reason field
        }
        const bool error = issue.severity == ClaimIssue::Severity::Error;
        headerLines << QStringLiteral("<span style=\"color:%1\">%2 %3</span>")
                           .arg(error ? QStringLiteral("#b02323") : QStringLiteral("#8a5a00"),
                                error ? QStringLiteral("✖") : QStringLiteral("⚠"),
                                issue.message.toHtmlEscaped());
    }
    for (QWidget *field :
         {static_cast<QWidget *>(m_ui->patientSearchEdit), static_cast<QWidget *>(m_ui->coverageCombo),
          static_cast<QWidget *>(m_ui->billingNpiEdit), static_cast<QWidget *>(m_ui->renderingNpiEdit),
          static_cast<QWidget *>(m_ui->placeCombo), static_cast<QWidget *>(m_ui->dateEdit)}) {
        const QList<ClaimIssue> found = byField.value(field);
        QStringList messages;
        bool error = false;
        for (const ClaimIssue &issue : found) {
            messages << issue.message;
            error = error || issue.severity == ClaimIssue::Severity::Error;
        }
        const QString style = found.isEmpty() ? QString()
                              : error         ? QString::fromLatin1(errorBorder)
                                              : QString::fromLatin1(warningBorder);
        // Only the field itself: a combo's popup keeps its look.
        field->setStyleSheet(style.isEmpty() ? QString()
                                             : QStringLiteral("%1#%2 { %3 }")
                                                   .arg(QLatin1String(field->metaObject()->className()),
                                                        field->objectName(), style));
        field->setToolTip(messages.join(QLatin1Char('\n')));
        field->setAccessibleDescription(messages.join(QLatin1Char('\n')));
    }
    m_ui->headerIssuesLabel->setText(headerLines.join(QStringLiteral("<br>")));
    m_ui->headerIssuesLabel->setVisible(!headerLines.isEmpty());

    // Coverage: verified, or a warning with the reason to send it anyway.
    const bool needsReason = coverageIssue && coverageIssue->needsOverrideReason;
    if (coverageIssue) {
        m_ui->coverageStatusLabel->setText(coverageIssue->message);
        m_ui->coverageStatusLabel->setStyleSheet(
            QStringLiteral("background: #fff4d6; border: 1px solid #c98a00; border-radius: 3px; "
                           "padding: 4px; color: #5c3d00;"));
        m_ui->coverageStatusLabel->show();
    } else if (m_hasCheckData && m_checkData.coverage == ClaimValidator::Coverage::Active) {
        m_ui->coverageStatusLabel->setText(
            tr("Coverage verified: %1.").arg(m_checkData.coverageDetail));
        m_ui->coverageStatusLabel->setStyleSheet(QStringLiteral("color: #1d6b2f;"));
        m_ui->coverageStatusLabel->show();
    } else {
        m_ui->coverageStatusLabel->hide();
    }
    m_ui->overrideReasonLabel->setVisible(needsReason);
    m_ui->overrideReasonEdit->setVisible(needsReason);

    // The list of everything, in the form's order; Enter on one goes to its field.
    QListWidget *list = m_ui->issuesList;
    list->clear();
    int errors = 0;
    int warnings = 0;
    for (const ClaimIssue &issue : m_issues) {
        const bool error = issue.severity == ClaimIssue::Severity::Error;
        (error ? errors : warnings) += 1;
        auto *item = new QListWidgetItem(
            style()->standardIcon(error ? QStyle::SP_MessageBoxCritical
                                        : QStyle::SP_MessageBoxWarning),
            issue.message, list);
        item->setData(Qt::UserRole, issue.field);
        item->setToolTip(issue.message);
    }
    if (m_issues.isEmpty())
        new QListWidgetItem(style()->standardIcon(QStyle::SP_DialogApplyButton),
                            tr("No issues: the claim is ready to submit."), list);
    if (errors == 0 && warnings == 0)
        m_ui->summaryLabel->setText(tr("Ready to submit"));
    else if (warnings == 0)
        m_ui->summaryLabel->setText(tr("%n errors to fix before submitting", nullptr, errors));
    else if (errors == 0)
        m_ui->summaryLabel->setText(tr("%n warnings", nullptr, warnings));
    else
        //: %1 "2 errors", %2 "1 warning"
        m_ui->summaryLabel->setText(tr("%1, %2")
                                        .arg(tr("%n errors", nullptr, errors),
                                             tr("%n warnings", nullptr, warnings)));
}

void ClaimFormDialog::focusIssue(const QString &field)
{
    if (field.isEmpty())
        return;
    if (QWidget *widget = headerField(field)) {
        widget->setFocus(Qt::OtherFocusReason);
        return;
    }
    int row = -1;
    QString member;
    if (cellOf(field, "diagnoses", &row, &member) && row < m_diagnoses->rowCount()) {
        const int column = ClaimDiagnosesModel::columnOfMember(member);
        m_ui->diagnosesView->setFocus(Qt::OtherFocusReason);
        m_ui->diagnosesView->setCurrentIndex(m_diagnoses->index(row, std::max(column, 0)));
        return;
    }
    if (cellOf(field, "lines", &row, &member) && row < m_lines->rowCount()) {
        const int column = ClaimLinesModel::columnOfMember(member);
        m_ui->linesView->setFocus(Qt::OtherFocusReason);
        m_ui->linesView->setCurrentIndex(m_lines->index(row, std::max(column, 0)));
        return;
    }
    if (field.startsWith(QLatin1String("diagnoses")))
        m_ui->diagnosesView->setFocus(Qt::OtherFocusReason);
    else if (field.startsWith(QLatin1String("lines")) || field == QLatin1String("totalCharge"))
        m_ui->linesView->setFocus(Qt::OtherFocusReason);
}

// ---- tables

void ClaimFormDialog::addDiagnosis()
{
    const int row = m_diagnoses->rowCount();
    if (!m_diagnoses->insertRows(row, 1))
        return;
    QTableView *view = m_ui->diagnosesView;
    view->setFocus(Qt::OtherFocusReason);
    view->setCurrentIndex(m_diagnoses->index(row, ClaimDiagnosesModel::CodeColumn));
    view->edit(view->currentIndex());
}

void ClaimFormDialog::removeDiagnosis()
{
    const QModelIndex current = m_ui->diagnosesView->currentIndex();
    const int row = current.isValid() ? current.row() : m_diagnoses->rowCount() - 1;
    if (row < 0 || !m_diagnoses->removeRows(row, 1))
        return;
    m_lines->diagnosisRemoved(row + 1);
}

void ClaimFormDialog::addLine()
{
    const int row = m_lines->rowCount();
    if (!m_lines->insertRows(row, 1))
        return;
    QTableView *view = m_ui->linesView;
    view->setFocus(Qt::OtherFocusReason);
    view->setCurrentIndex(m_lines->index(row, ClaimLinesModel::CodeColumn));
    view->edit(view->currentIndex());
}

void ClaimFormDialog::removeLine()
{
    const QModelIndex current = m_ui->linesView->currentIndex();
    const int row = current.isValid() ? current.row() : m_lines->rowCount() - 1;
    if (row >= 0)
        m_lines->removeRows(row, 1);
}

void ClaimFormDialog::updateTotal()
{
    const qint64 total = m_lines->totalCents();
    m_ui->totalValueLabel->setText(
        QStringLiteral("<b>%1</b>").arg(formatCents(total).toHtmlEscaped()));
    //: Accessible text of the running total: %1 the amount, %n the number of lines
    m_ui->totalValueLabel->setAccessibleDescription(
        tr("%1 for %n lines", nullptr, m_lines->rowCount()).arg(formatCents(total)));
}

// ---- saving

void ClaimFormDialog::updateButtons()
{
    const bool idle = !m_busy && m_pending == 0;
    m_saveButton->setEnabled(idle && (m_claim.patientId > 0));
    m_submitButton->setEnabled(canSubmit());
    m_ui->addDiagnosisButton->setEnabled(m_diagnoses->rowCount() < ClaimValidator::MaxDiagnoses);
    m_ui->removeDiagnosisButton->setEnabled(m_diagnoses->rowCount() > 0);
    m_ui->addLineButton->setEnabled(m_lines->rowCount() < ClaimValidator::MaxLines);
    m_ui->removeLineButton->setEnabled(m_lines->rowCount() > 0);
}

void ClaimFormDialog::setBusy(const QString &text)
{
    m_busy = !text.isEmpty();
    m_ui->busyLabel->setText(text);
    for (QWidget *part : {static_cast<QWidget *>(m_ui->headerGroup),
                          static_cast<QWidget *>(m_ui->diagnosesView),
                          static_cast<QWidget *>(m_ui->linesView)})
        part->setEnabled(!m_busy);
    m_ui->buttonBox->button(QDialogButtonBox::Cancel)->setEnabled(!m_busy);
    if (m_busy)
        m_ui->messageLabel->hide();
    updateButtons();
}

void ClaimFormDialog::saveDraft()
{
    if (m_busy || m_pending > 0)
        return;
    Claim draft = claim();
    const QString reason = m_ui->overrideReasonEdit->text().trimmed();
    if (!reason.isEmpty() && m_ui->overrideReasonEdit->isVisible()) {
        draft.coverageOverrideReason = reason;
        draft.coverageOverrideBy = m_user;
    }
    setBusy(tr("Saving the draft…"));
    Async::whenReady(m_claims->saveDraft(draft), this,
                     [this](const StoreResult<Claim> &result) { finishSave(result, false); });
}

void ClaimFormDialog::submit()
{
    if (!canSubmit())
        return;
    Claim ready = claim();
    const bool needsReason = std::any_of(m_issues.cbegin(), m_issues.cend(),
                                         [](const ClaimIssue &i) { return i.needsOverrideReason; });
    ready.coverageOverrideBy.clear();
    ready.coverageOverrideReason.clear();
    if (needsReason) {
        const QString reason = m_ui->overrideReasonEdit->text().trimmed();
        if (reason.isEmpty()) {
            const QString message = tr("The coverage is not verified active for the date of "
                                       "service: give the reason to submit the claim anyway.");
            m_ui->overrideReasonEdit->setStyleSheet(QString::fromLatin1(errorBorder));
            m_ui->overrideReasonEdit->setToolTip(message);
            m_ui->overrideReasonEdit->setAccessibleDescription(message);
            m_ui->messageLabel->setText(message);
            m_ui->messageLabel->show();
            m_ui->overrideReasonEdit->setFocus(Qt::OtherFocusReason);
            return;
        }
        m_ui->overrideReasonEdit->setStyleSheet({});
        ready.coverageOverrideReason = reason;
        ready.coverageOverrideBy = m_user;
    }
    setBusy(tr("Submitting…"));
    Async::whenReady(m_claims->queue(ready, m_provider), this,
                     [this](const StoreResult<Claim> &result) { finishSave(result, true); });
}

void ClaimFormDialog::finishSave(const StoreResult<Claim> &result, bool queued)
{
    setBusy({});
    if (!result) {
        const QString message = queued ? tr("The claim was not submitted: %1").arg(result.error())
                                       : tr("The draft was not saved: %1").arg(result.error());
        m_ui->messageLabel->setText(message);
        m_ui->messageLabel->show();
        Q_EMIT saveFailed(result.error());
        return;
    }
    m_stored = *result;
    m_claim.id = m_stored.id;
    m_claim.claimNumber = m_stored.claimNumber;
    m_claim.status = m_stored.status;
    if (queued)
        Q_EMIT claimQueued(m_stored);
    else
        Q_EMIT claimSaved(m_stored);
    QDialog::accept();
}

void ClaimFormDialog::reject()
{
    if (m_busy)
        return;
    QDialog::reject();
}
