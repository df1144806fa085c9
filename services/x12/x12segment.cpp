// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/x12/x12document.h"
#include "services/x12/x12values.h"

QByteArray X12Segment::element(int n) const
{
    if (n < 1 || n > m_elements.size())
        return {};
    return m_elements.at(n - 1);
}

void X12Segment::setElement(int n, const QByteArray &value)
{
    if (n < 1)
        return;
    if (n > m_elements.size())
        m_elements.resize(n);
    m_elements[n - 1] = value;
}

QList<QByteArray> X12Segment::components(int n, char componentSeparator) const
{
    return X12Values::split(element(n), componentSeparator);
}

QList<QByteArray> X12Segment::repetitions(int n, char repetitionSeparator) const
{
    return X12Values::split(element(n), repetitionSeparator);
}
