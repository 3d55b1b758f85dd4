using ChatCrm.Core.Intake;

namespace ChatCrm.Core.Tests.Intake;

public sealed class BootstrapIntakeSourcesTests : IDisposable
{
    private static readonly Dictionary<string, IntakeField> PartnerFields = new() { ["contact"] = IntakeField.Name, ["tel"] = IntakeField.Phone };

    private readonly IntakeWorld _intake = new();

    public void Dispose() => _intake.Dispose();

    private BootstrapIntakeSources Bootstrap => new(_intake.World.Store, _intake.World.Clock);

    private Task<IntakeSource?> SourceAsync(string key) => _intake.World.Store.ReadAsync(session => session.Intake.FindSource(key), default);

    [Fact]
    public async Task A_configured_source_the_store_lacks_is_created_with_its_secret()
    {
        var done = Assert.Single(await Bootstrap.HandleAsync([new IntakeSourceSetup("partner", "partner", "configured-secret-0123", PartnerFields, ["b2b"], "east")], default));

        Assert.Equal(new IntakeSourceBootstrap("partner", Created: true, Reconfigured: false, SecretIgnored: false, UnknownTeam: false), done);
        var source = (await SourceAsync("partner"))!;
        Assert.Equal(("configured-secret-0123", true, "east", IntakeField.Phone), (source.Secret, source.Enabled, source.TeamKey, source.Fields["TEL"]));
    }

    [Fact]
    public async Task A_stored_source_keeps_its_secret_and_switch_but_takes_the_configured_mapping_tags_and_team()
    {
        await _intake.World.Store.WriteAsync(session =>
        {
            var stored = session.Intake.FindSource("webform")!;
            stored.Switch(false, _intake.World.Clock.GetUtcNow());
            session.Intake.SaveSource(stored);
            return true;
        }, default);

        var done = Assert.Single(await Bootstrap.HandleAsync([new IntakeSourceSetup("webform", "web", "another-secret-0123456", PartnerFields, ["b2b"], "south")], default));

        Assert.Equal(new IntakeSourceBootstrap("webform", Created: false, Reconfigured: true, SecretIgnored: true, UnknownTeam: false), done);
        var source = (await SourceAsync("webform"))!;
        Assert.Equal(("webform-secret-0123456789", false, "south", IntakeField.Name), (source.Secret, source.Enabled, source.TeamKey, source.Fields["contact"]));
        Assert.Equal(["b2b"], source.Tags);
    }

    [Fact]
    public async Task Starting_again_with_the_same_configuration_changes_nothing()
    {
        var setup = new IntakeSourceSetup("partner", "partner", "configured-secret-0123", PartnerFields, [], null);
        await Bootstrap.HandleAsync([setup], default);

        var again = Assert.Single(await Bootstrap.HandleAsync([setup], default));

        Assert.Equal(new IntakeSourceBootstrap("partner", false, false, false, false), again);
    }

    [Fact]
    public async Task A_team_that_does_not_exist_is_reported()
    {
        Assert.True(Assert.Single(await Bootstrap.HandleAsync([new IntakeSourceSetup("ads", "ads", "configured-secret-0123", PartnerFields, [], "north")], default)).UnknownTeam);
    }

    [Fact]
    public void The_setup_never_prints_its_secret() =>
        Assert.DoesNotContain("configured-secret", new IntakeSourceSetup("ads", "ads", "configured-secret-0123", PartnerFields, [], null).ToString(), StringComparison.Ordinal);
}
