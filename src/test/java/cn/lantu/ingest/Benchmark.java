package cn.lantu.ingest;

import java.util.ArrayList;
import java.util.List;

/** Recall / precision of prose targets and baseline facts against a gold list. */
final class Benchmark {
    private Benchmark() {
    }

    record Score(int gold, int predicted, int truePositives, List<Gold.T> missed, List<String> falsePositives,
                 int factGold, int factPredicted, int factTruePositives) {
        double recall() {
            return gold == 0 ? 1 : (double) truePositives / gold;
        }

        double precision() {
            return predicted == 0 ? 1 : (double) (predicted - falsePositives.size()) / predicted;
        }

        double factRecall() {
            return factGold == 0 ? 1 : (double) factTruePositives / factGold;
        }
    }

    static Score score(Extraction x, List<Gold.T> gold, List<Gold.T> factGold) {
        List<Gold.T> missed = new ArrayList<>();
        int tp = 0;
        for (Gold.T g : gold) {
            boolean hit = x.targets().stream().anyMatch(t -> matches(g, t.name(), t.value(), t.unit()));
            if (hit) {
                tp++;
            } else {
                missed.add(g);
            }
        }
        List<String> fps = new ArrayList<>();
        for (ProseTarget t : x.targets()) {
            if (gold.stream().noneMatch(g -> matches(g, t.name(), t.value(), t.unit()))) {
                fps.add(t.name() + " " + t.value() + t.unit());
            }
        }
        int ftp = 0;
        for (Gold.T g : factGold) {
            if (x.baselineFacts().stream().anyMatch(f -> matches(g, f.name(), f.value(), f.unit()))) {
                ftp++;
            }
        }
        return new Score(gold.size(), x.targets().size(), tp, missed, fps, factGold.size(), x.baselineFacts().size(), ftp);
    }

    private static boolean matches(Gold.T g, String name, double value, String unit) {
        return name.contains(g.name()) && Math.abs(value - g.value()) < 1e-9 && unit.equals(g.unit());
    }
}
