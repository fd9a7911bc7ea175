package org.memberaid.deploy.loadgen.members;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;

/** A member as the JSON body of POST /api/members. */
public final class MemberJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private MemberJson() {
    }

    /**
     * Written field by field rather than from a tree: a tree node may strip the trailing zeros of
     * the income, and the contract wants yuan with 2 places.
     */
    public static String toJson(SyntheticMember member) {
        StringWriter json = new StringWriter(512);
        try (JsonGenerator generator = FACTORY.createGenerator(json)) {
            write(member, generator);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return json.toString();
    }

    /**
     * The same JSON as {@link #toJson}, written as UTF-8 straight to {@code out} (which is not
     * closed), without the intermediate string: the register scenario writes a body per request.
     */
    public static void writeJson(SyntheticMember member, OutputStream out) throws IOException {
        try (JsonGenerator generator = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            write(member, generator);
        }
    }

    /** The JSON of {@link #toJson(SyntheticMember)} with the business date of the registration. */
    public static String toJson(SyntheticMember member, LocalDate registeredOn) {
        StringWriter json = new StringWriter(512);
        try (JsonGenerator generator = FACTORY.createGenerator(json)) {
            generator.writeStartObject();
            writeFields(member, generator);
            generator.writeStringField("registeredOn", registeredOn.toString());
            generator.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return json.toString();
    }

    private static void write(SyntheticMember member, JsonGenerator generator) throws IOException {
        generator.writeStartObject();
        writeFields(member, generator);
        generator.writeEndObject();
    }

    private static void writeFields(SyntheticMember member, JsonGenerator generator) throws IOException {
        generator.writeStringField("nationalId", member.nationalId());
        generator.writeStringField("name", member.name());
        generator.writeStringField("gender", member.gender().name());
        generator.writeStringField("ethnicity", member.ethnicity());
        generator.writeStringField("phone", member.phone());
        generator.writeStringField("countyCode", member.countyCode());
        generator.writeStringField("township", member.township());
        generator.writeStringField("village", member.village());
        generator.writeStringField("partyBranch", member.partyBranch());
        generator.writeStringField("joinedPartyOn", member.joinedPartyOn().toString());
        generator.writeStringField("education", member.education().name());
        generator.writeStringField("laborCapacity", member.laborCapacity().name());
        generator.writeNumberField("annualIncome", member.annualIncome());
        generator.writeBooleanField("notableContribution", member.notableContribution());
        generator.writeStringField("hardshipStatus", member.hardshipStatus().name());
        generator.writeArrayFieldStart("causes");
        for (HardshipCause cause : member.causes()) {
            generator.writeString(cause.name());
        }
        generator.writeEndArray();
    }
}
