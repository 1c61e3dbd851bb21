package dev.parley.channel.voice;

/** The little SSML that needs care: escaping text, and the {@code <speak>} document around a body. */
public final class Ssml {

    private Ssml() {
    }

    /** Escapes the five XML special characters (also safe inside attribute values). */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    public static String speak(String body) {
        return "<speak>" + body + "</speak>";
    }
}
