package dev.gophersite.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/** latest.png: cold-start medians per config with p90 whiskers, against the empty-JVM floor. */
final class Chart {
    private static final String[] CONFIGS = {"naive", "lambda_c1", "tuned_flags", "shipped"};
    private static final Color[] COLORS = {
        new Color(0xb0, 0xb8, 0xc1),
        new Color(0x8a, 0xa4, 0xbd),
        new Color(0x4f, 0x86, 0xb5),
        new Color(0x00, 0x75, 0x8d)
    };

    private Chart() {}

    @SuppressWarnings("unchecked")
    static void write(Map<String, Object> results, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Map<String, Object> cold = (Map<String, Object>) results.get("cold");
        double hello = Targets.number(((Map<String, Object>) results.get("jvm_hello_ms")).get("median"));
        List<String> functions = new ArrayList<>(cold.keySet());
        double max = hello;
        for (String fn : functions) {
            for (String config : CONFIGS) {
                max = Math.max(
                        max,
                        Targets.number(
                                ((Map<String, Object>) ((Map<String, Object>) cold.get(fn)).get(config)).get("p90")));
            }
        }
        int width = 960;
        int height = 520;
        int left = 80;
        int bottom = height - 90;
        int top = 60;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(0x1d, 0x23, 0x2a));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        g.drawString("Cold start to first response (median, whisker = p90), ms", left, 32);
        double scale = (bottom - top) / (max * 1.1);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int i = 0; i <= 5; i++) {
            double value = max * 1.1 * i / 5;
            int y = bottom - (int) (value * scale);
            g.setColor(new Color(0xe5, 0xe9, 0xec));
            g.drawLine(left, y, width - 20, y);
            g.setColor(new Color(0x4b, 0x55, 0x63));
            g.drawString(Integer.toString((int) value), 30, y + 4);
        }
        int groupWidth = (width - left - 40) / functions.size();
        int barWidth = (groupWidth - 60) / CONFIGS.length;
        for (int f = 0; f < functions.size(); f++) {
            Map<String, Object> fn = (Map<String, Object>) cold.get(functions.get(f));
            int x0 = left + 30 + f * groupWidth;
            for (int c = 0; c < CONFIGS.length; c++) {
                Map<String, Object> config = (Map<String, Object>) fn.get(CONFIGS[c]);
                double median = Targets.number(config.get("median"));
                double p90 = Targets.number(config.get("p90"));
                int x = x0 + c * barWidth;
                int h = (int) (median * scale);
                g.setColor(COLORS[c]);
                g.fillRect(x, bottom - h, barWidth - 8, h);
                g.setColor(new Color(0x1d, 0x23, 0x2a));
                int whisker = bottom - (int) (p90 * scale);
                g.drawLine(x + (barWidth - 8) / 2, bottom - h, x + (barWidth - 8) / 2, whisker);
                g.drawLine(x + (barWidth - 8) / 2 - 5, whisker, x + (barWidth - 8) / 2 + 5, whisker);
                g.drawString(Integer.toString((int) Math.round(median)), x + 2, bottom - h - 6);
            }
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
            g.drawString(functions.get(f), x0 + groupWidth / 2 - 40, bottom + 22);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        }
        int helloY = bottom - (int) (hello * scale);
        g.setColor(new Color(0xc0, 0x39, 0x2b));
        g.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {6f, 4f}, 0f));
        g.drawLine(left, helloY, width - 20, helloY);
        g.drawString("empty JVM " + Math.round(hello) + " ms", width - 150, helloY - 6);
        g.setStroke(new BasicStroke(1f));
        for (int c = 0; c < CONFIGS.length; c++) {
            g.setColor(COLORS[c]);
            g.fillRect(left + c * 200, height - 40, 14, 14);
            g.setColor(new Color(0x1d, 0x23, 0x2a));
            g.drawString(CONFIGS[c], left + c * 200 + 20, height - 28);
        }
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }
}
