using Ctms.IntegrationTests.Support;

namespace Ctms.IntegrationTests.Foundation;

[Trait("Category", "Foundation")]
public sealed class PostgresRabbitWalkingSkeletonTests : WalkingSkeletonScenarios
{
    protected override Task<TestBackend> CreateBackendAsync() => TestBackend.PostgresRabbitAsync();

    [PostgresRabbitFact]
    public Task Postgres_rabbit_enrollment_gets_a_subject_number_and_reaches_the_sponsor_count() =>
        Enrollment_gets_a_subject_number_and_reaches_the_sponsor_count();

    [PostgresRabbitFact]
    public Task Postgres_rabbit_outbox_survives_a_host_stopping_between_commit_and_publish() =>
        Outbox_rows_left_by_a_host_that_stopped_before_publishing_are_sent_by_the_next_host();

    [PostgresRabbitFact]
    public Task Postgres_rabbit_inbox_ignores_redelivery_and_poison_messages_do_not_stop_the_host() =>
        A_redelivered_message_has_no_second_effect_and_a_poison_message_leaves_the_host_running();

    [PostgresRabbitFact]
    public Task Postgres_rabbit_racing_enrollments_never_exceed_the_site_target() =>
        Racing_enrollments_never_exceed_the_site_target();
}
