package dev.parley.offers.evaluation;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Draws click-through over impressions, one line per policy, as a PNG (java2d, headless; no dependency). */
public final class SimulationReport {

    private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0x7f7f7f), new Color(0xff7f0e),
            new Color(0x2ca02c)};
    private static final int WIDTH = 900;
    private static final int HEIGHT = 540;
    private static final int LEFT = 80;
    private static final int RIGHT = 180;
    private static final int TOP = 50;
    private static final int BOTTOM = 70;

    private SimulationReport() {
    }

    public static void plot(ShopperSimulator.Result result, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        double max = 0;
        for (List<Double> curve : result.curves().values()) {
            for (double value : curve) {
                max = Math.max(max, value);
            }
        }
        max = Math.max(0.05, Math.ceil(max * 20) / 20);
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setColor(new Color(0xdddddd));
        for (int i = 0; i <= 5; i++) {
            int y = TOP + plotH - i * plotH / 5;
            g.drawLine(LEFT, y, LEFT + plotW, y);
        }
        g.setColor(Color.BLACK);
        g.drawRect(LEFT, TOP, plotW, plotH);
        for (int i = 0; i <= 5; i++) {
            int y = TOP + plotH - i * plotH / 5;
            g.drawString(String.format("%.1f%%", max * i / 5 * 100), 20, y + 4);
        }
        int points = result.curves().values().iterator().next().size();
        for (int i = 0; i <= 4; i++) {
            int x = LEFT + i * plotW / 4;
            g.drawString(String.valueOf(i * points * result.window() / 4), x - 15, TOP + plotH + 20);
        }
        g.drawString("impressions", LEFT + plotW / 2 - 30, HEIGHT - 25);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString("Offer click-through per " + result.window() + " impressions (simulated shoppers)", LEFT, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        int index = 0;
        for (Map.Entry<String, List<Double>> entry : result.curves().entrySet()) {
            Color color = COLORS[index % COLORS.length];
            g.setColor(color);
            g.setStroke(new BasicStroke(2.2f));
            List<Double> curve = entry.getValue();
            for (int i = 1; i < curve.size(); i++) {
                g.drawLine(x(i - 1, curve.size(), plotW), y(curve.get(i - 1), max, plotH),
                        x(i, curve.size(), plotW), y(curve.get(i), max, plotH));
            }
            int legendY = TOP + 20 + index * 22;
            g.drawLine(LEFT + plotW + 15, legendY - 4, LEFT + plotW + 40, legendY - 4);
            g.setColor(Color.BLACK);
            g.drawString(String.format("%s %.1f%%", entry.getKey(), result.ctr().get(entry.getKey()) * 100),
                    LEFT + plotW + 45, legendY);
            index++;
        }
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private static int x(int i, int n, int plotW) {
        return LEFT + (n <= 1 ? 0 : i * plotW / (n - 1));
    }

    private static int y(double value, double max, int plotH) {
        return TOP + plotH - (int) Math.round(value / max * plotH);
    }
}
