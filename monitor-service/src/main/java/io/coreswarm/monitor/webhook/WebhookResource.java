package io.coreswarm.monitor.webhook;

import java.util.List;

import io.coreswarm.api.webhook.Delivery;
import io.coreswarm.api.webhook.Webhook;
import io.coreswarm.api.webhook.WebhookApi;

public class WebhookResource implements WebhookApi {
    private final Webhooks webhooks;

    WebhookResource(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @Override
    public List<Webhook> list() {
        return webhooks.all();
    }

    @Override
    public Webhook get(String name) {
        return webhooks.get(name);
    }

    @Override
    public Webhook put(String name, Webhook body) {
        return webhooks.put(name, body);
    }

    @Override
    public void delete(String name) {
        webhooks.remove(name);
    }

    @Override
    public List<Delivery> deliveries(String name) {
        return webhooks.deliveries(name);
    }
}
