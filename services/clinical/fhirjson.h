// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to services/clinical: FhirBundleReader's view of JSON. No public header includes it.

#include <QByteArray>
#include <QString>

#include <simdjson.h>

#include <limits>
#include <string_view>

/*
  One JSON value of a parsed FhirJsonDocument, read the way QJsonValue reads: a member that is
  missing, or asked of something that is not an object, is an undefined FhirJson; the string
  of a non-string is empty; an array asked of a non-array has no items. Copying is cheap (a
  pointer and an index), and nothing is converted until asked for, so a reader builds QStrings
  only for the values it keeps. A view lives no longer than the document it came from.
 */
class FhirJson
{
public:
    class Iterator;

    FhirJson() = default;
    explicit FhirJson(simdjson::dom::element element)
        : m_element(element)
        , m_defined(true)
    {
    }

    bool isUndefined() const { return !m_defined; }
    bool isNull() const { return is(simdjson::dom::element_type::NULL_VALUE); }
    bool isObject() const { return is(simdjson::dom::element_type::OBJECT); }
    bool isArray() const { return is(simdjson::dom::element_type::ARRAY); }
    bool isString() const { return is(simdjson::dom::element_type::STRING); }
    bool isBool() const { return is(simdjson::dom::element_type::BOOL); }
    bool isNumber() const
    {
        if (!m_defined)
            return false;
        const auto type = m_element.type();
        return type == simdjson::dom::element_type::INT64 ||
               type == simdjson::dom::element_type::UINT64 ||
               type == simdjson::dom::element_type::DOUBLE;
    }

    //! The member `key` of an object; undefined when there is none or this is no object.
    //! A name given twice means its last value, as QJsonDocument reads it.
    FhirJson value(std::string_view key) const
    {
        simdjson::dom::object object;
        if (!m_defined || m_element.get(object))
            return {};
        FhirJson found;
        const auto end = object.end();
        for (auto field = object.begin(); field != end; ++field) {
            if (field.key_equals(key))
                found = FhirJson(field.value());
        }
        return found;
    }
    bool contains(std::string_view key) const { return !value(key).isUndefined(); }
    //! True when an object has a member whose name starts with `prefix` ("value" of value[x]).
    bool hasKeyStartingWith(std::string_view prefix) const
    {
        simdjson::dom::object object;
        if (!m_defined || m_element.get(object))
            return false;
        for (const simdjson::dom::key_value_pair field : object) {
            if (field.key.substr(0, prefix.size()) == prefix)
                return true;
        }
        return false;
    }

    //! The UTF-8 bytes of a string, in the document; empty for anything else.
    std::string_view view() const
    {
        std::string_view text;
        if (!m_defined || m_element.get(text))
            return {};
        return text;
    }
    QString toString() const
    {
        const std::string_view text = view();
        return QString::fromUtf8(text.data(), qsizetype(text.size()));
    }
    //! The string's bytes as they are (for base64 content, which is ASCII).
    QByteArray toBytes() const
    {
        const std::string_view text = view();
        return QByteArray(text.data(), qsizetype(text.size()));
    }
    //! True when this is a string equal to `text`.
    bool is(std::string_view text) const { return isString() && view() == text; }

    double toDouble(double otherwise = 0) const
    {
        double number;
        if (!isNumber() || m_element.get(number))
            return otherwise;
        return number;
    }
    //! As QJsonValue::toInt: a number with an int's value, else `otherwise`.
    int toInt(int otherwise = 0) const
    {
        if (!isNumber())
            return otherwise;
        int64_t whole;
        if (!m_element.get(whole))
            return whole >= std::numeric_limits<int>::min() &&
                           whole <= std::numeric_limits<int>::max()
                       ? int(whole)
                       : otherwise;
        double number;
        if (m_element.get(number) || number != number)
            return otherwise;
        if (number < std::numeric_limits<int>::min() || number > std::numeric_limits<int>::max() ||
            double(int(number)) != number)
            return otherwise;
        return int(number);
    }
    bool toBool(bool otherwise = false) const
    {
        bool yes;
        if (!m_defined || m_element.get(yes))
            return otherwise;
        return yes;
    }

    //! The number of items of an array; 0 for anything else.
    qsizetype itemCount() const
    {
        simdjson::dom::array array;
        if (!m_defined || m_element.get(array))
            return 0;
        return qsizetype(array.size());
    }
    //! True unless this is an array with items in it (QJsonValue::toArray().isEmpty()).
    bool noItems() const { return itemCount() == 0; }
    //! True unless this is an object with members (QJsonValue::toObject().isEmpty()).
    bool noMembers() const
    {
        simdjson::dom::object object;
        if (!m_defined || m_element.get(object))
            return true;
        return object.begin() == object.end();
    }

    //! The items of an array; none for anything else.
    Iterator begin() const;
    Iterator end() const;
    //! The first item of an array; undefined when there is none.
    FhirJson first() const;

private:
    bool is(simdjson::dom::element_type type) const
    {
        return m_defined && m_element.type() == type;
    }

    simdjson::dom::element m_element;
    bool m_defined = false;
};

// Walks the items of an array, each as a FhirJson.
class FhirJson::Iterator
{
public:
    Iterator() = default;
    explicit Iterator(simdjson::dom::array::iterator it)
        : m_it(it)
    {
    }
    FhirJson operator*() const { return FhirJson(*m_it); }
    Iterator &operator++()
    {
        ++m_it;
        return *this;
    }
    bool operator==(const Iterator &other) const { return m_it == other.m_it; }
    bool operator!=(const Iterator &other) const { return m_it != other.m_it; }

private:
    simdjson::dom::array::iterator m_it; // default ones compare equal: the empty range
};

inline FhirJson::Iterator FhirJson::begin() const
{
    simdjson::dom::array array;
    if (!m_defined || m_element.get(array))
        return {};
    return Iterator(array.begin());
}

inline FhirJson::Iterator FhirJson::end() const
{
    simdjson::dom::array array;
    if (!m_defined || m_element.get(array))
        return {};
    return Iterator(array.end());
}

inline FhirJson FhirJson::first() const
{
    const Iterator it = begin();
    return it != end() ? *it : FhirJson();
}

/*
  A JSON text parsed by simdjson, refusing nesting deeper than asked. The views it hands out
  point into it: keep it alive while they are used.
 */
class FhirJsonDocument
{
public:
    explicit FhirJsonDocument(int maxDepth);

    //! Parses `json` (read in place when its buffer has simdjson's padding spare, else copied
    //! once). Returns simdjson's error code; SUCCESS and root() when the text is JSON.
    simdjson::error_code parse(const QByteArray &json);
    FhirJson root() const { return FhirJson(m_root); }

private:
    simdjson::dom::parser m_parser;
    simdjson::dom::element m_root;
    int m_maxDepth;
};
