// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>

//! WCAG 2.x contrast, to keep the colours we choose for text readable (4.5:1 for normal text).
namespace ColorContrast {
//! Relative luminance of an sRGB colour, 0 (black) to 1 (white); alpha is ignored.
double relativeLuminance(const QColor &color);
//! (lighter + 0.05) / (darker + 0.05): 1 for the same colour, 21 for black on white.
double ratio(const QColor &a, const QColor &b);
//! The minimum for normal-size text (WCAG 2.x, level AA).
constexpr double minimumForText = 4.5;
} // namespace ColorContrast
