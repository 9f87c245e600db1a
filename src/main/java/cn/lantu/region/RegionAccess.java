package cn.lantu.region;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who may see which region, checked on the server: an ADMIN without a region scope sees everything; a user with
 * {@code app_user.region_code} sees that region and everything under it (a province user its counties); any other
 * user sees only the county of the plan its org unit belongs to (a county user its own plan).
 */
@Component
public class RegionAccess {

    private final RegionRepository regions;

    RegionAccess(RegionRepository regions) {
        this.regions = regions;
    }

    public boolean maySee(Authentication auth, String regionCode, Map<String, Region> all) {
        if (auth == null) {
            return false;
        }
        String scope = regions.userRegion(auth.getName());
        if (scope != null) {
            return RegionRepository.within(all, regionCode, scope);
        }
        if (auth.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()))) {
            return true;
        }
        String own = regions.userPlanRegion(auth.getName());
        return own != null && own.equals(regionCode);
    }

    public void check(Authentication auth, String regionCode, Map<String, Region> all) {
        if (!maySee(auth, regionCode, all)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "region " + regionCode + " is outside your scope");
        }
    }
}
