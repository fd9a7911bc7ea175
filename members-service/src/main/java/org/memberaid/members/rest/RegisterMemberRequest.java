package org.memberaid.members.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of a registration. Server-owned fields (id, version, status) are not accepted. */
@Schema(name = "RegisterMember")
public record RegisterMemberRequest(
        @Schema(description = "18-character PRC resident ID", examples = "62070219700101002X")
        @NotBlank @Pattern(regexp = "\\d{17}[\\dX]", message = "must be 17 digits followed by a digit or X")
        String nationalId,

        @Schema(examples = "张三")
        @NotBlank @Size(max = 50)
        String name,

        @Schema(description = "GB/T 2260 code of the member's county", examples = "620702")
        @NotBlank @Pattern(regexp = "\\d{6}", message = "must be a 6-digit region code")
        String countyCode) {

    public RegisterMemberRequest {
        nationalId = trim(nationalId);
        name = trim(name);
        countyCode = trim(countyCode);
    }

    private static String trim(String value) {
        return value == null ? null : value.strip();
    }
}
