package dev.parley.channel.whatsapp;

/**
 * A shopper as one of our numbers knows them. It is the conversation's channel user id, {@code
 * <phone_number_id>:<wa_id>}: the same person writing to two of our brands has two conversations, and a reply
 * goes out from the number the shopper wrote to.
 */
record WhatsAppAddress(String phoneNumberId, String waId) {

    String channelUserId() {
        return phoneNumberId + ":" + waId;
    }

    static WhatsAppAddress parse(String channelUserId) {
        int colon = channelUserId.indexOf(':');
        if (colon <= 0 || colon == channelUserId.length() - 1) {
            throw new IllegalArgumentException("not a WhatsApp channel user id");
        }
        return new WhatsAppAddress(channelUserId.substring(0, colon), channelUserId.substring(colon + 1));
    }
}
