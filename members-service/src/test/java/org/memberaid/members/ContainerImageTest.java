package org.memberaid.members;

import org.memberaid.contract.testing.ContainerImageContract;

/** The image Jib builds of this service agrees with it: ports, user, heap, name (see the contract). */
class ContainerImageTest extends ContainerImageContract {

    ContainerImageTest() {
        super("members-service");
    }
}
