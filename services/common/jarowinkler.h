// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringView>

/*!
  Jaro-Winkler similarity of two strings, 0 (nothing alike) to 1 (equal), with the usual
  prefix scale 0.1 over at most 4 leading characters. Metriport matches patients on it, and so
  do our duplicate checks. Compares UTF-16 code units as given: normalize case and spaces first.
  Two empty strings are equal (1); one empty string against another is 0.
 */
double jaroWinkler(QStringView a, QStringView b);
