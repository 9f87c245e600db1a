package cn.lantu.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import cn.lantu.assessment.Status;

/** The report's charts, drawn headless with JFreeChart and the CJK font for every label. */
final class ReportCharts {

    static final int WIDTH = 1200;
    static final int HEIGHT = 640;

    /** One key indicator's progress towards its target (0 % at base, 100 % at target) by year. */
    record Path(String name, Map<Integer, Double> progressPct) {}

    private final Font font;

    ReportCharts(Font font) {
        this.font = font;
    }

    private StandardChartTheme theme() {
        StandardChartTheme t = new StandardChartTheme("lantu");
        t.setExtraLargeFont(font.deriveFont(Font.BOLD, 30f));
        t.setLargeFont(font.deriveFont(24f));
        t.setRegularFont(font.deriveFont(22f));
        t.setSmallFont(font.deriveFont(20f));
        t.setChartBackgroundPaint(Color.WHITE);
        t.setPlotBackgroundPaint(Color.WHITE);
        t.setDomainGridlinePaint(new Color(0xDDDDDD));
        t.setRangeGridlinePaint(new Color(0xDDDDDD));
        t.setBarPainter(new StandardBarPainter());
        t.setShadowVisible(false);
        return t;
    }

    static Color color(Status s) {
        return switch (s) {
            case ACHIEVED_EARLY -> new Color(0x1B7F3B);
            case AHEAD -> new Color(0x4CAF50);
            case ON_TRACK -> new Color(0x2F6FB3);
            case LAGGING -> new Color(0xE6A100);
            case SEVERELY_LAGGING -> new Color(0xC62828);
            case NO_DATA -> new Color(0x9E9E9E);
        };
    }

    ReportDocument.Image statusDistribution(String caption, Map<Status, Integer> counts) {
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        for (Status s : Status.values()) {
            ds.addValue(counts.getOrDefault(s, 0), "项数", s.label());
        }
        JFreeChart chart = ChartFactory.createBarChart(null, null, "项数", ds, PlotOrientation.VERTICAL, false, false,
                false);
        theme().apply(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer r = new BarRenderer() {
            @Override
            public java.awt.Paint getItemPaint(int row, int column) {
                return color(Status.values()[column]);
            }
        };
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator());
        r.setDefaultItemLabelsVisible(true);
        r.setDefaultItemLabelFont(font.deriveFont(Font.BOLD, 24f));
        plot.setRenderer(r);
        ((NumberAxis) plot.getRangeAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        plot.getDomainAxis().setMaximumCategoryLabelLines(2);
        plot.getDomainAxis().setTickLabelFont(font.deriveFont(22f));
        ReportDocument.Image img = png(caption, chart, WIDTH, 560);
        return new ReportDocument.Image(img.caption(), img.png(), img.pixelWidth(), img.pixelHeight(), 125);
    }

    ReportDocument.Image paths(String caption, List<Path> paths, int baseYear, int targetYear) {
        XYSeriesCollection ds = new XYSeriesCollection();
        XYSeries expected = new XYSeries("按时间进度");
        expected.add(baseYear, 0);
        expected.add(targetYear, 100);
        ds.addSeries(expected);
        for (Path p : paths) {
            XYSeries s = new XYSeries(p.name());
            s.add(baseYear, 0);
            p.progressPct().forEach(s::add);
            ds.addSeries(s);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(null, "年份", "目标完成进度（%）", ds,
                PlotOrientation.VERTICAL, true, false, false);
        theme().apply(chart);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        r.setSeriesPaint(0, Color.GRAY);
        r.setSeriesStroke(0, new BasicStroke(3f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {12f, 8f}, 0f));
        r.setSeriesShapesVisible(0, false);
        Color[] palette = {new Color(0x2F6FB3), new Color(0xC62828), new Color(0x1B7F3B), new Color(0xE6A100),
                new Color(0x6A1B9A), new Color(0x00838F)};
        for (int k = 1; k < ds.getSeriesCount(); k++) {
            r.setSeriesPaint(k, palette[(k - 1) % palette.length]);
            r.setSeriesStroke(k, new BasicStroke(3.5f));
        }
        plot.setRenderer(r);
        NumberAxis x = (NumberAxis) plot.getDomainAxis();
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setRange(baseYear - 0.2, targetYear + 0.2);
        x.setNumberFormatOverride(new java.text.DecimalFormat("0"));
        x.setTickLabelFont(font.deriveFont(22f));
        plot.getRangeAxis().setTickLabelFont(font.deriveFont(22f));
        chart.getLegend().setItemFont(font.deriveFont(24f));
        return png(caption, chart, WIDTH, 720);
    }

    ReportDocument.Image investment(String caption, Map<String, Double> byDomain, Map<String, Double> done) {
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        byDomain.forEach((k, v) -> ds.addValue(v, "“十五五”计划投资", k));
        done.forEach((k, v) -> ds.addValue(v, "已完成投资（已审定）", k));
        JFreeChart chart = ChartFactory.createBarChart(null, null, "亿元", ds, PlotOrientation.HORIZONTAL, true,
                false, false);
        theme().apply(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer r = (BarRenderer) plot.getRenderer();
        r.setSeriesPaint(0, new Color(0x9DB9DD));
        r.setSeriesPaint(1, new Color(0x1B7F3B));
        r.setItemMargin(0.05);
        r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator());
        r.setDefaultItemLabelsVisible(true);
        r.setDefaultItemLabelFont(font.deriveFont(20f));
        plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(0.45f);
        plot.getDomainAxis().setTickLabelFont(font.deriveFont(24f));
        plot.getRangeAxis().setTickLabelFont(font.deriveFont(22f));
        chart.getLegend().setItemFont(font.deriveFont(24f));
        return png(caption, chart, WIDTH, Math.max(560, 140 + 84 * byDomain.size()));
    }

    private static ReportDocument.Image png(String caption, JFreeChart chart, int w, int h) {
        BufferedImage img = chart.createBufferedImage(w, h, BufferedImage.TYPE_INT_RGB, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ReportDocument.Image(caption, out.toByteArray(), w, h, 150);
    }
}
