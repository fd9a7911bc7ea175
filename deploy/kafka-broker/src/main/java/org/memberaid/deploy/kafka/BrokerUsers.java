package org.memberaid.deploy.kafka;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The broker's SCRAM users and what each may do. {@value #ADMIN} is a super user (the launcher,
 * the broker itself, and test and load tools that write raw records); each service has a user of
 * its own that may write only its own topics and read only the topics it consumes, with consumer
 * groups named after it. Anything not granted here is refused: reporting-service, which reads
 * members.events, may not read members.payees (bank accounts are relief's business only).
 */
public final class BrokerUsers {

    public static final String ADMIN = "admin";
    public static final String MEMBERS_SERVICE = "members-service";
    public static final String RELIEF_SERVICE = "relief-service";
    public static final String REPORTING_SERVICE = "reporting-service";
    public static final List<String> ALL = List.of(ADMIN, MEMBERS_SERVICE, RELIEF_SERVICE, REPORTING_SERVICE);
    public static final List<String> SERVICES = List.of(MEMBERS_SERVICE, RELIEF_SERVICE, REPORTING_SERVICE);

    static final String MEMBERS_TOPIC = "members.events";
    /** Members' payee details (bank accounts): for relief-service alone, which pays them. */
    static final String PAYEES_TOPIC = "members.payees";
    static final String RELIEF_TOPIC = "relief.events";

    private BrokerUsers() {
    }

    static String principal(String user) {
        return "User:" + user;
    }

    /**
     * Every ACL of the services' users. WRITE on its topic is all an idempotent producer needs
     * (KIP-679: no IDEMPOTENT_WRITE on the cluster); READ on a topic lets a consumer fetch and list
     * offsets; READ on a group lets it join and commit. Consumer groups are matched by prefix:
     * reporting builds each new projection with a group of its own ({@code reporting-service-<schema>}).
     * Public for deploy/kubernetes, whose KafkaUsers must grant exactly these.
     */
    public static List<AclBinding> serviceAcls() {
        List<AclBinding> acls = new ArrayList<>();
        produces(acls, MEMBERS_SERVICE, MEMBERS_TOPIC);
        produces(acls, MEMBERS_SERVICE, PAYEES_TOPIC);
        produces(acls, RELIEF_SERVICE, RELIEF_TOPIC);
        consumes(acls, RELIEF_SERVICE, MEMBERS_TOPIC);
        consumes(acls, RELIEF_SERVICE, PAYEES_TOPIC);
        consumes(acls, REPORTING_SERVICE, MEMBERS_TOPIC);
        consumes(acls, REPORTING_SERVICE, RELIEF_TOPIC);
        groups(acls, RELIEF_SERVICE);
        groups(acls, REPORTING_SERVICE);
        return List.copyOf(acls);
    }

    private static void produces(List<AclBinding> acls, String user, String topic) {
        acls.add(allow(user, topic(topic), AclOperation.WRITE));
        acls.add(allow(user, topic(topic), AclOperation.DESCRIBE));
    }

    private static void consumes(List<AclBinding> acls, String user, String topic) {
        acls.add(allow(user, topic(topic), AclOperation.READ));
        acls.add(allow(user, topic(topic), AclOperation.DESCRIBE));
    }

    private static void groups(List<AclBinding> acls, String user) {
        acls.add(allow(user, new ResourcePattern(ResourceType.GROUP, user, PatternType.PREFIXED), AclOperation.READ));
    }

    private static ResourcePattern topic(String name) {
        return new ResourcePattern(ResourceType.TOPIC, name, PatternType.LITERAL);
    }

    private static AclBinding allow(String user, ResourcePattern resource, AclOperation operation) {
        return new AclBinding(resource, new AccessControlEntry(principal(user), "*", operation, AclPermissionType.ALLOW));
    }
}
