// SPDX-FileCopyrightText: 2026 ClinicDesk developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The live feed's frame decoder on any bytes. The hub decodes what desks send (hello with the
// resume cursor, ack, publish) and the desks decode what the hub sends (event, reset,
// published, error) with the same FeedProtocol::decode; both must refuse with a reason or
// give a message that encodes and decodes back to itself.

#include "fuzz/fuzzsupport.h"

#include "services/common/feedprotocol.h"

#include <variant>

namespace {

//! The resume decision a hub makes from a hello's cursor: nothing it decodes may be below -1.
void checkMessage(const FeedProtocol::Message &message)
{
    if (const auto *hello = std::get_if<FeedProtocol::Hello>(&message)) {
        FUZZ_CHECK(!hello->device.isEmpty() && !hello->token.isEmpty());
        FUZZ_CHECK(hello->lastSeq >= -1);
    } else if (const auto *ack = std::get_if<FeedProtocol::Ack>(&message)) {
        FUZZ_CHECK(ack->seq >= 0);
    } else if (const auto *publish = std::get_if<FeedProtocol::Publish>(&message)) {
        FUZZ_CHECK(FeedProtocol::clinicEventTypes().contains(publish->eventType));
    } else if (const auto *event = std::get_if<FeedProtocol::Event>(&message)) {
        FUZZ_CHECK(event->seq >= 1);
        FUZZ_CHECK(event->receivedAt.isValid());
    } else if (const auto *reset = std::get_if<FeedProtocol::Reset>(&message)) {
        FUZZ_CHECK(reset->lastSeq >= 0 && !reset->epoch.isEmpty());
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray frame = Fuzz::bytes(data, size);
    const FeedProtocol::Decoded decoded = FeedProtocol::decode(frame);
    if (!decoded.message) {
        FUZZ_CHECK(!decoded.error.isEmpty());
        return 0;
    }
    FUZZ_CHECK(decoded.error.isEmpty());
    checkMessage(*decoded.message);

    // What is decoded encodes to a frame that decodes to the same thing.
    const QByteArray encoded = FeedProtocol::encode(*decoded.message);
    FUZZ_CHECK(encoded.size() <= FeedProtocol::maxMessageBytes + 4096);
    const FeedProtocol::Decoded again = FeedProtocol::decode(encoded);
    if (!again.message)
        std::fprintf(stderr, "re-encoded frame refused: %s\n", qPrintable(again.error));
    FUZZ_CHECK(again.message.has_value());
    FUZZ_CHECK(again.message->index() == decoded.message->index());
    FUZZ_CHECK(FeedProtocol::encode(*again.message) == encoded);
    return 0;
}
