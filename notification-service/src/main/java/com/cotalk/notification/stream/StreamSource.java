package com.cotalk.notification.stream;

import java.util.List;

/** A bean that reads some streams: every one found is started with the service. */
public interface StreamSource {

	List<StreamSubscription> subscriptions();

}
