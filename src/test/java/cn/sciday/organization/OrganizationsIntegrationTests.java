package cn.sciday.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import cn.sciday.IntegrationTest;
import cn.sciday.TestLogins;
import cn.sciday.web.Actor;
import cn.sciday.web.ConflictException;
import cn.sciday.web.InvalidInputException;
import cn.sciday.web.NotFoundException;
import cn.sciday.web.Role;

@IntegrationTest
class OrganizationsIntegrationTests {

    static final AtomicInteger SERIAL = new AtomicInteger(100);

    @Autowired
    Organizations organizations;

    @Test
    void theHierarchyIsSeeded() {
        assertThat(organizations.city().fullName()).isEqualTo("江门市科学技术协会");
        assertThat(organizations.divisions()).extracting(OrganizationView::name)
                .containsExactly("蓬江区", "江海区", "新会区", "台山市", "开平市", "鹤山市", "恩平市");
        assertThat(organizations.coordinatingBodies()).extracting(OrganizationView::name)
                .contains("市科技局", "市发展改革局", "市生态环境局", "市教育局", "团市委", "市水利局", "市农业农村局",
                        "市卫生健康局", "市应急管理局", "市文化广电旅游体育局", "市委宣传部");
        assertThat(organizations.findByName("江海区科协").orElseThrow().name()).isEqualTo("江海区");
        assertThat(organizations.findByName("台山市政府").orElseThrow().name()).isEqualTo("台山市");
        assertThat(organizations.findByName("江海区科学技术协会").orElseThrow().name()).isEqualTo("江海区");
    }

    @Test
    void aUnitRegistersAndItsCoordinatorApprovesIt() {
        long jianghai = id("江海区");
        OrganizationView unit = organizations.registerUnit(registration("礼乐街道第一小学", jianghai));
        assertThat(unit.status()).isEqualTo(OrganizationStatus.PENDING);
        assertThat(unit.parentName()).isEqualTo("江海区");

        Actor coordinator = TestLogins.actor(Role.COORDINATOR, jianghai);
        assertThat(organizations.unitsVisibleTo(coordinator, OrganizationStatus.PENDING))
                .extracting(OrganizationView::id).contains(unit.id());
        OrganizationView approved = organizations.approve(coordinator, unit.id());
        assertThat(approved.status()).isEqualTo(OrganizationStatus.APPROVED);
        assertThatThrownBy(() -> organizations.approve(coordinator, unit.id())).isInstanceOf(ConflictException.class);
    }

    @Test
    void aRejectedUnitSeesTheReasonAndCanAskAgain() {
        long xinhui = id("新会区");
        OrganizationView unit = organizations.registerUnit(registration("会城某企业", xinhui));
        Actor coordinator = TestLogins.actor(Role.COORDINATOR, xinhui);
        assertThatThrownBy(() -> organizations.reject(coordinator, unit.id(), "  "))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("理由");
        OrganizationView rejected = organizations.reject(coordinator, unit.id(), "联系电话无法接通，请核实");
        assertThat(rejected.status()).isEqualTo(OrganizationStatus.REJECTED);
        assertThat(rejected.rejectionReason()).isEqualTo("联系电话无法接通，请核实");

        Actor organizer = TestLogins.pendingOrganizer(unit.id());
        OrganizationView again = organizations.resubmit(organizer, unit.id(), "王经理", "0750-6123456", null);
        assertThat(again.status()).isEqualTo(OrganizationStatus.PENDING);
        assertThat(again.contactPhone()).isEqualTo("0750-6123456");
    }

    @Test
    void anotherDivisionsCoordinatorNeitherSeesNorApprovesTheUnit() {
        OrganizationView unit = organizations.registerUnit(registration("新会区某学校", id("新会区")));
        Actor jianghai = TestLogins.actor(Role.COORDINATOR, id("江海区"));
        assertThat(organizations.unitsVisibleTo(jianghai, null)).extracting(OrganizationView::id)
                .doesNotContain(unit.id());
        assertThatThrownBy(() -> organizations.unitVisibleTo(jianghai, unit.id()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> organizations.approve(jianghai, unit.id())).isInstanceOf(NotFoundException.class);
        assertThat(organizations.get(unit.id()).status()).isEqualTo(OrganizationStatus.PENDING);

        Actor city = TestLogins.actor(Role.CITY_ADMIN, organizations.city().id());
        assertThat(organizations.unitVisibleTo(city, unit.id()).name()).isEqualTo("新会区某学校");
        Actor otherOrganizer = TestLogins.actor(Role.ORGANIZER, organizations.registerUnit(
                registration("另一单位", id("江海区"))).id());
        assertThatThrownBy(() -> organizations.unitVisibleTo(otherOrganizer, unit.id()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void anOrganizerCannotApproveEvenItsOwnUnit() {
        OrganizationView unit = organizations.registerUnit(registration("自己批自己", id("江海区")));
        Actor organizer = TestLogins.actor(Role.ORGANIZER, unit.id());
        assertThatThrownBy(() -> organizations.approve(organizer, unit.id()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void registrationChecksTheCreditCodeAndItsUniqueness() {
        long jianghai = id("江海区");
        UnitRegistration bad = new UnitRegistration("错码单位", UnitType.OTHER, "91350100M000100Y44", "李", "0750-1234567",
                null, jianghai);
        assertThatThrownBy(() -> organizations.registerUnit(bad)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("creditCode").hasMessageContaining("校验码");
        UnitRegistration first = registration("第一家", jianghai);
        organizations.registerUnit(first);
        UnitRegistration twin = new UnitRegistration("第二家", UnitType.OTHER, first.creditCode(), "李",
                "0750-1234567", null, jianghai);
        assertThatThrownBy(() -> organizations.registerUnit(twin)).hasMessageContaining("已经注册过");
        UnitRegistration underUnit = registration("挂在单位下", organizations.registerUnit(
                registration("上级单位", jianghai)).id());
        assertThatThrownBy(() -> organizations.registerUnit(underUnit)).hasMessageContaining("parentId");
    }

    long id(String name) {
        return organizations.findByName(name).orElseThrow().id();
    }

    static UnitRegistration registration(String name, long parent) {
        String serial = String.format("%06d", SERIAL.incrementAndGet());
        return new UnitRegistration(name, UnitType.SCHOOL, CreditCode.complete("12440704M11" + serial), "联系人",
                "0750-3861234", "江门市江海区", parent);
    }
}
