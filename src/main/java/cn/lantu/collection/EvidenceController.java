package cn.lantu.collection;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Evidence files of a figure: upload (the figure's reporter), list and download (whoever may read the figure). */
@RestController
@Tag(name = "reporting", description = "数据填报")
class EvidenceController {

    private final EvidenceService evidence;
    private final ReportingAccess access;

    EvidenceController(EvidenceService evidence, ReportingAccess access) {
        this.evidence = evidence;
        this.access = access;
    }

    @PostMapping(path = "/api/v1/figures/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload an evidence file (PDF, PNG or JPEG, checked by content; size limit "
            + "lantu.reporting.evidence-max-bytes) for a figure of the caller's own unit")
    EvidenceService.Evidence upload(@PathVariable long id, @RequestParam("file") MultipartFile file,
                                    Authentication auth) throws IOException {
        return evidence.upload(access.actor(auth), id, file.getOriginalFilename(), file.getBytes());
    }

    @GetMapping("/api/v1/figures/{id}/evidence")
    @Operation(summary = "The evidence files of a figure the caller may read")
    List<EvidenceService.Evidence> list(@PathVariable long id, Authentication auth) {
        return evidence.list(access.actor(auth), id);
    }

    @GetMapping("/api/v1/evidence/{id}")
    @Operation(summary = "Download an evidence file (always as an attachment)")
    ResponseEntity<byte[]> download(@PathVariable long id, Authentication auth) {
        return attachment(evidence.download(access.actor(auth), id));
    }

    static ResponseEntity<byte[]> attachment(EvidenceService.Content c) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.parseMediaType(c.evidence().contentType()));
        h.setContentDisposition(ContentDisposition.attachment().filename(c.evidence().fileName(),
                StandardCharsets.UTF_8).build());
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Content-Security-Policy", "sandbox; default-src 'none'");
        h.setContentLength(c.bytes().length);
        return ResponseEntity.ok().headers(h).body(c.bytes());
    }
}
