package dev.parley.nlu.eval;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The confusion matrix as one self-contained HTML page (no scripts, fonts or images to fetch), readable with 150+
 * intents: the most frequent confusions first, then the matrix restricted to intents involved in an error, then
 * the full matrix folded away. Cells are shaded by their share of the gold row: green on the diagonal, red off it.
 */
final class ConfusionMatrixHtml {

    private static final int SHADES = 9;
    private static final int TOP_CONFUSIONS = 50;

    private ConfusionMatrixHtml() {
    }

    static String render(ConfusionMatrix matrix) {
        List<ConfusionMatrix.Confusion> confusions = matrix.confusions();
        int total = matrix.labels().stream().mapToInt(matrix::goldTotal).sum();
        int errors = confusions.stream().mapToInt(ConfusionMatrix.Confusion::count).sum();
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>Confusion matrix</title><style>").append(style()).append("</style></head><body>\n")
                .append("<h1>Confusion matrix</h1>\n<p>").append(total).append(" messages, ")
                .append(matrix.labels().size()).append(" intents, ").append(errors).append(" misclassified. ")
                .append("Rows: gold intent; columns: predicted intent. Shade: share of the gold row ")
                .append("(<span class=\"d7\">&nbsp;right&nbsp;</span> <span class=\"e7\">&nbsp;wrong&nbsp;</span>).")
                .append("</p>\n");

        html.append("<h2>Most frequent confusions</h2>\n");
        if (confusions.isEmpty()) {
            html.append("<p>No errors.</p>\n");
        } else {
            html.append("<table class=\"list\"><tr><th>gold</th><th>predicted</th><th>count</th><th>of gold</th></tr>\n");
            for (ConfusionMatrix.Confusion c : confusions.subList(0, Math.min(TOP_CONFUSIONS, confusions.size()))) {
                html.append("<tr><td>").append(escape(c.gold())).append("</td><td>").append(escape(c.predicted()))
                        .append("</td><td>").append(c.count()).append("</td><td>")
                        .append(percent((double) c.count() / matrix.goldTotal(c.gold()))).append("</td></tr>\n");
            }
            html.append("</table>\n");
            Set<String> involved = new TreeSet<>();
            confusions.forEach(c -> {
                involved.add(c.gold());
                involved.add(c.predicted());
            });
            List<String> withErrors = matrix.labels().stream().filter(involved::contains).toList();
            html.append("<h2>Intents involved in errors (").append(withErrors.size()).append(")</h2>\n");
            table(html, matrix, withErrors);
        }
        html.append("<details><summary>Full matrix (").append(matrix.labels().size()).append(" × ")
                .append(matrix.labels().size()).append(")</summary>\n");
        table(html, matrix, matrix.labels());
        html.append("</details>\n</body></html>\n");
        return html.toString();
    }

    private static void table(StringBuilder html, ConfusionMatrix matrix, List<String> labels) {
        html.append("<div class=\"scroll\"><table class=\"matrix\"><thead><tr><th class=\"corner\">gold \\ predicted</th>");
        for (String label : labels) {
            html.append("<th class=\"col\">").append(escape(label)).append("</th>");
        }
        html.append("</tr></thead><tbody>\n");
        for (String gold : labels) {
            int rowTotal = matrix.goldTotal(gold);
            html.append("<tr><th>").append(escape(gold)).append("</th>");
            for (String predicted : labels) {
                int count = matrix.count(gold, predicted);
                if (count == 0) {
                    html.append("<td></td>");
                    continue;
                }
                double share = (double) count / rowTotal;
                int shade = Math.max(1, (int) Math.ceil(share * SHADES));
                html.append("<td class=\"").append(gold.equals(predicted) ? 'd' : 'e').append(shade)
                        .append("\" title=\"").append(escape(gold)).append(" → ").append(escape(predicted))
                        .append(": ").append(count).append(" (").append(percent(share)).append(")\">")
                        .append(count).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody></table></div>\n");
    }

    private static String style() {
        StringBuilder css = new StringBuilder("""
                body{font:13px system-ui,sans-serif;margin:1em;color:#222}
                .scroll{overflow:auto;max-height:85vh;max-width:100%;border:1px solid #ccc;margin-bottom:1em}
                table{border-collapse:collapse}
                .list td,.list th{border:1px solid #ddd;padding:2px 6px;text-align:left}
                .matrix td,.matrix th{border:1px solid #eee;padding:0 3px;text-align:center;min-width:1.7em;height:1.5em}
                .matrix thead th{position:sticky;top:0;background:#fff;z-index:1}
                .matrix tbody th{position:sticky;left:0;background:#fff;text-align:right;white-space:nowrap;font-weight:normal}
                .matrix th.col{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap;vertical-align:bottom;font-weight:normal}
                .matrix th.corner{left:0;z-index:2}
                """);
        for (int shade = 1; shade <= SHADES; shade++) {
            int lightness = 92 - shade * 6;
            String text = lightness < 60 ? "#fff" : "#222";
            css.append(String.format(Locale.ROOT, ".d%d{background:hsl(130,55%%,%d%%);color:%s}%n", shade, lightness,
                    text));
            css.append(String.format(Locale.ROOT, ".e%d{background:hsl(0,75%%,%d%%);color:%s}%n", shade, lightness,
                    text));
        }
        return css.toString();
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
