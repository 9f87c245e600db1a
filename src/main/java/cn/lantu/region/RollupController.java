package cn.lantu.region;

import java.time.LocalDate;
import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import cn.lantu.web.NotFoundException;

/** The region roll-up: {@code /regions/{code}} (page) and {@code /api/v1/regions/{code}/rollup?year=} (JSON). */
@Controller
public class RollupController {

    private final RegionRepository regions;
    private final RegionAccess access;
    private final RollupService rollups;

    RollupController(RegionRepository regions, RegionAccess access, RollupService rollups) {
        this.regions = regions;
        this.access = access;
        this.rollups = rollups;
    }

    @GetMapping("/api/v1/regions/{code}/rollup")
    @ResponseBody
    public RollupService.Rollup api(@PathVariable String code, @RequestParam(required = false) Integer year,
                                    Authentication auth) {
        return rollup(code, year, auth);
    }

    @GetMapping("/regions/{code}")
    public String page(@PathVariable String code, @RequestParam(required = false) Integer year, Authentication auth,
                       Model model) {
        model.addAttribute("rollup", rollup(code, year, auth));
        return "region/region";
    }

    private RollupService.Rollup rollup(String code, Integer year, Authentication auth) {
        Map<String, Region> all = regions.all();
        Region region = all.get(code);
        if (region == null) {
            throw new NotFoundException("region " + code);
        }
        access.check(auth, code, all);
        int y = year != null ? year : Math.min(Math.max(LocalDate.now().getYear() - 1, 2026), 2030);
        return rollups.rollup(region, all, y);
    }
}
