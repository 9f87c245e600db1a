package cn.lantu.project;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The words of the project list as the plan office writes them in Excel and in the project form: stages (在建,
 * 新开工 …), project types and blocking factors, each read from its Chinese label (or its code, for the API), and
 * the list of allowed words that an error message names.
 */
final class ProjectVocabulary {

    /** Stage words the project list accepts beside the stage labels, and the stage each stands for. */
    private static final List<String[]> STAGE_SYNONYMS = List.of(new String[] {"研究", "PLANNING"},
            new String[] {"实施", "PRELIMINARY"}, new String[] {"新开工", "UNDER_CONSTRUCTION"},
            new String[] {"开工", "UNDER_CONSTRUCTION"}, new String[] {"续建", "UNDER_CONSTRUCTION"},
            new String[] {"投产", "IN_OPERATION"}, new String[] {"投运", "IN_OPERATION"});

    /** Project type codes with their Chinese labels (first) and accepted synonyms. */
    private static final List<String[]> TYPES = List.of(new String[] {"GOVERNMENT", "政府投资"},
            new String[] {"ENTERPRISE", "企业投资"}, new String[] {"PPP", "PPP/特许经营", "特许经营"},
            new String[] {"OTHER", "其他"});

    private ProjectVocabulary() {}

    /** The stage of a label, synonym or code; PLANNING (谋划) for none, null for an unknown word. */
    static Project.Stage stage(String s) {
        if (s == null || s.isBlank()) {
            return Project.Stage.PLANNING;
        }
        String t = s.strip();
        for (Project.Stage st : Project.Stage.values()) {
            if (st.name().equalsIgnoreCase(t) || st.label().equals(t)) {
                return st;
            }
        }
        return STAGE_SYNONYMS.stream().filter(x -> x[0].equals(t)).findFirst()
                .map(x -> Project.Stage.valueOf(x[1])).orElse(null);
    }

    /** The words a stage cell may hold, as an error message lists them. */
    static String allowedStages() {
        return "可填：" + Arrays.stream(Project.Stage.values()).map(Project.Stage::label).collect(Collectors.joining("、"))
                + "；也可填 " + STAGE_SYNONYMS.stream().map(x -> x[0] + "（即" + Project.Stage.valueOf(x[1]).label() + "）")
                .collect(Collectors.joining("、"));
    }

    /** The stage labels and the words of the project lists 新开工 and 续建, for a drop-down list in the sheet. */
    static List<String> stageWords() {
        List<String> out = new java.util.ArrayList<>(Arrays.stream(Project.Stage.values()).map(Project.Stage::label)
                .toList());
        out.addAll(List.of("新开工", "续建"));
        return out;
    }

    /** The type code of a label, synonym or code, or null for an unknown word (and for none). */
    static String type(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.strip();
        return TYPES.stream().filter(x -> Arrays.asList(x).contains(t)).findFirst().map(x -> x[0]).orElse(null);
    }

    static String allowedTypes() {
        return "可填：" + String.join("、", typeLabels());
    }

    static List<String> typeLabels() {
        return TYPES.stream().map(x -> x[1]).toList();
    }

    /** The blocking factor of a label or code, or null. */
    static ProjectDetail.Factor factor(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.strip();
        return Arrays.stream(ProjectDetail.Factor.values()).filter(f -> f.name().equals(t) || f.label().equals(t))
                .findFirst().orElse(null);
    }

    static String allowedFactors() {
        return "可选：" + Arrays.stream(ProjectDetail.Factor.values()).map(ProjectDetail.Factor::label)
                .collect(Collectors.joining("、"));
    }
}
