package io.coreswarm.api.validation;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Error responses declared without a body are problem+json (see {@code ContractFilter}). */
@Path("/v1/validations")
@Tag(name = "validations", description = "User-data checked the way `coreos-cloudinit -validate` checks it")
public interface CloudConfigValidationApi {

    String YAML = "application/yaml";
    String TEXT_YAML = "text/yaml";
    String CLOUD_CONFIG = "text/cloud-config";

    /**
     * The body is the raw document. Form-urlencoded is accepted as raw text too, because it is what
     * {@code curl --data-binary @user-data} sends when no Content-Type is given; it is never form-decoded.
     */
    @POST
    @Path("cloud-config")
    @Consumes({ MediaType.TEXT_PLAIN, YAML, TEXT_YAML, CLOUD_CONFIG, MediaType.APPLICATION_OCTET_STREAM,
            MediaType.APPLICATION_FORM_URLENCODED })
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "validateCloudConfig", summary = "Validate a cloud-config user-data document",
            description = "Reports the header, YAML syntax, unknown or deprecated keys, wrong types and invalid values "
                    + "with their line and column, as `coreos-cloudinit -validate` would. "
                    + "`curl --data-binary @user-data .../v1/validations/cloud-config` works as is.")
    @APIResponse(responseCode = "200", description = "the findings; `valid` is false when one is an error")
    @APIResponse(responseCode = "400", description = "the body is empty")
    @APIResponse(responseCode = "413", description = "the body is larger than the service takes")
    @APIResponse(responseCode = "415", description = "the body is not one of the text types listed")
    ValidationReport validate(String userData);
}
