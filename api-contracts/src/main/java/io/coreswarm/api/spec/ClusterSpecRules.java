package io.coreswarm.api.spec;

import java.util.EnumSet;
import java.util.Set;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Cross-field rules of {@link ClusterSpec}. Single-field bounds live on the record itself. */
public class ClusterSpecRules implements ConstraintValidator<ValidClusterSpec, ClusterSpec> {

    @Override
    public boolean isValid(ClusterSpec spec, ConstraintValidatorContext ctx) {
        if (spec == null) {
            return true;
        }
        ctx.disableDefaultConstraintViolation();
        boolean valid = true;
        Set<Provider> providers = spec.target() == Target.LOCAL ? EnumSet.of(Provider.DOCKER)
                : EnumSet.of(Provider.VIRTUALBOX, Provider.LIBVIRT);
        if (!providers.contains(spec.provider())) {
            valid = violation(ctx, "provider", "must be one of " + providers + " for target " + spec.target());
        }
        if (spec.channel() == Channel.LTS && spec.target() == Target.COREOS_LEGACY) {
            valid = violation(ctx, "channel", "lts exists only for flatcar; coreos-legacy has alpha, beta, stable");
        }
        if (spec.managers() % 2 == 0) {
            valid = violation(ctx, "managers", "must be odd (1, 3, 5, 7) so that Raft keeps a majority");
        }
        if (spec.managers() > spec.nodes()) {
            valid = violation(ctx, "managers", "must not exceed nodes (" + spec.nodes() + ")");
        }
        if (spec.dockerPort() + spec.nodes() - 1 > 65535) {
            valid = violation(ctx, "dockerPort", "plus nodes - 1 must stay at most 65535 (node i is forwarded to dockerPort + i - 1)");
        }
        if (spec.registry() && spec.target() != Target.LOCAL) {
            valid = violation(ctx, "registry", "is supported only by the local target for now");
        }
        return valid;
    }

    private static boolean violation(ConstraintValidatorContext ctx, String field, String rule) {
        ctx.buildConstraintViolationWithTemplate(rule.replace("{", "\\{").replace("$", "\\$"))
                .addPropertyNode(field).addConstraintViolation();
        return false;
    }
}
