package dev.parley.channel.twilio;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TwimlTest {

    @Test
    void aSipAddressIsDialledAsSipAndEverythingIsEscaped() {
        String twiml = new Twiml("en-GB", "Polly.Amy").say("Fish & chips <now>").dial("sip:queue@pbx.example.com")
                .document();
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Say language=\"en-GB\" voice=\"Polly.Amy\">"
                + "Fish &amp; chips &lt;now&gt;</Say><Dial><Sip>sip:queue@pbx.example.com</Sip></Dial></Response>", twiml);
    }

    @Test
    void theGatherActionIsEscaped() {
        String twiml = new Twiml("en-US", "").gather("Hi", "https://x.example/s?turn=1&low=0").document();
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Gather input=\"speech dtmf\" numDigits=\"1\""
                + " action=\"https://x.example/s?turn=1&amp;low=0\" method=\"POST\" language=\"en-US\""
                + " speechTimeout=\"auto\" actionOnEmptyResult=\"true\"><Say language=\"en-US\">Hi</Say></Gather>"
                + "</Response>", twiml);
    }
}
