package cn.lantu.outline;

import java.util.regex.Pattern;

/**
 * The numbering and marker patterns an outline is recognised by (一、 / （一） / 1. / 第一章 / 专栏 N / 表 N, page
 * numbers, project stages). Segmentation, page-break repair and the tree builder share them, so each is defined once.
 */
final class OutlinePatterns {

    static final String CN_NUM = "[一二三四五六七八九十百零〇两]";
    static final Pattern CHAPTER_ZH = Pattern.compile("^第(" + CN_NUM + "{1,4}|\\d{1,3})章[：:、\\s]*(.*)$");
    static final Pattern SECTION_ZH = Pattern.compile("^第(" + CN_NUM + "{1,4}|\\d{1,3})节[：:、\\s]*(.*)$");
    static final Pattern PART_ZH = Pattern.compile("^第(" + CN_NUM + "{1,4}|\\d{1,3})篇[：:、\\s]*(.*)$");
    static final Pattern CN_ENUM = Pattern.compile("^(" + CN_NUM + "{1,3})[、．.]\\s*(.+)$");
    static final Pattern PAREN_CN = Pattern.compile("^[（(](" + CN_NUM + "{1,3})[）)]\\s*(.+)$");
    static final Pattern NUM = Pattern.compile("^(\\d{1,2})(?:[.．、](?![\\d%])|\\s)\\s*(.+)$");
    static final Pattern PAREN_NUM = Pattern.compile("^[（(](\\d{1,2})[）)]\\s*(.+)$");
    static final Pattern CIRCLED = Pattern.compile("^([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])\\s*(.+)$");
    static final Pattern COLUMN = Pattern.compile("^专栏\\s*(\\d{1,3}|" + CN_NUM + "{1,4})(?:[：:、.．\\s]+|(?=[^\\d]))(.*)$");
    static final Pattern TABLE_CAPTION = Pattern.compile("^(?:附)?表\\s*(\\d{1,3}|" + CN_NUM + "{1,3})(?:[：:、.．\\s]+|(?=[^\\d]))(.*)$");
    static final Pattern TABLE_CONT = Pattern.compile("^(续表.*|表\\s*\\d+\\s*[（(]续[）)].*)$");
    static final Pattern FIGURE_CAPTION = Pattern.compile("^图\\s*(\\d{1,3}|" + CN_NUM + "{1,3})(?:[：:、.．\\s]+|(?=[^\\d]))(.*)$");
    static final Pattern NOTE = Pattern.compile("^(注|说明|备注)[：:].*");
    static final Pattern BACK_MATTER = Pattern.compile("^(抄送|抄报|主送)[：:].*");
    static final Pattern PAGE_MARK = Pattern.compile(
            "^[\\s\\-—–－_~]*(\\d{1,4}|第\\s*\\d{1,4}\\s*页(\\s*[/，,]?\\s*共\\s*\\d{1,4}\\s*页)?|\\d{1,4}\\s*/\\s*\\d{1,4})[\\s\\-—–－_~]*$");
    static final Pattern HR = Pattern.compile("^\\s*([-*_])(\\s*\\1){2,}\\s*$");
    static final Pattern MD_TABLE_SEP = Pattern.compile("^\\s*\\|?\\s*:?-{2,}:?\\s*(\\|\\s*:?-{2,}:?\\s*)*\\|?\\s*$");
    static final Pattern HTML_TAG = Pattern.compile("</?[a-zA-Z][a-zA-Z0-9]*(\\s[^<>]*)?/?>");
    static final Pattern SPACED_CELLS = Pattern.compile("\\S(?: {2,}|\u3000+)\\S");
    static final Pattern STAGE = Pattern.compile(
            "[（(](前期|在建|实施|研究|续建|新建|新开工|开工|建成|竣工|完工|谋划|储备|预备|推进|拟建|待建|已建|改扩建|前期研究|实施中|规划|计划开工|计划)[）)]");

    private OutlinePatterns() {
    }

    /** Numbered like a heading, column or caption: such a line is never a running header nor continued prose. */
    static boolean isStructural(String s) {
        return CHAPTER_ZH.matcher(s).matches() || SECTION_ZH.matcher(s).matches() || CN_ENUM.matcher(s).matches()
                || PAREN_CN.matcher(s).matches() || COLUMN.matcher(s).matches() || NUM.matcher(s).matches()
                || PAREN_NUM.matcher(s).matches() || TABLE_CAPTION.matcher(s).matches()
                || FIGURE_CAPTION.matcher(s).matches();
    }
}
