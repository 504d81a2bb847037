using ClusterAtlas.Events;
using ClusterAtlas.IndustrialClusters;
using ClusterAtlas.Indicators;
using ClusterAtlas.International;
using ClusterAtlas.Ministries;
using ClusterAtlas.Organisations;
using ClusterAtlas.People;
using ClusterAtlas.Programmes;
using ClusterAtlas.Regions;
using ClusterAtlas.Search;
using ClusterAtlas.Sources;
using ClusterAtlas.Surveys;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClusterAtlas.Data;

// Indexes and keys. Codes are the stable natural keys used by the curated dataset and by URLs.

internal sealed class SourceDocumentConfiguration : IEntityTypeConfiguration<SourceDocument>
{
    public void Configure(EntityTypeBuilder<SourceDocument> b) => b.Property(x => x.Id).HasMaxLength(200);
}

internal sealed class CitationConfiguration : IEntityTypeConfiguration<Citation>
{
    public void Configure(EntityTypeBuilder<Citation> b)
    {
        b.HasIndex(x => new { x.SubjectType, x.SubjectId });
        b.HasIndex(x => new { x.SourceDocumentId, x.LineStart });
        b.HasOne(x => x.SourceDocument).WithMany().OnDelete(DeleteBehavior.NoAction);
    }
}

internal sealed class MinistryConfiguration : IEntityTypeConfiguration<Ministry>
{
    public void Configure(EntityTypeBuilder<Ministry> b) => b.HasIndex(x => x.Code).IsUnique();
}

internal sealed class ProgrammeConfiguration : IEntityTypeConfiguration<Programme>
{
    public void Configure(EntityTypeBuilder<Programme> b)
    {
        b.HasIndex(x => x.Code).IsUnique();
        b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.NoAction);
        b.HasMany(x => x.Budgets).WithOne(x => x.Programme).HasForeignKey(x => x.ProgrammeId);
    }
}

internal sealed class BudgetLineConfiguration : IEntityTypeConfiguration<BudgetLine>
{
    public void Configure(EntityTypeBuilder<BudgetLine> b) => b.HasIndex(x => new { x.ProgrammeId, x.FiscalYear });
}

internal sealed class LineageConfiguration : IEntityTypeConfiguration<ProgrammeLineage>
{
    public void Configure(EntityTypeBuilder<ProgrammeLineage> b)
    {
        b.HasOne(x => x.From).WithMany().HasForeignKey(x => x.FromId).OnDelete(DeleteBehavior.NoAction);
        b.HasOne(x => x.To).WithMany().HasForeignKey(x => x.ToId).OnDelete(DeleteBehavior.NoAction);
    }
}

internal sealed class CooperationConfiguration : IEntityTypeConfiguration<MeasureCooperation>
{
    public void Configure(EntityTypeBuilder<MeasureCooperation> b)
    {
        b.HasOne(x => x.From).WithMany().HasForeignKey(x => x.FromId).OnDelete(DeleteBehavior.NoAction);
        b.HasOne(x => x.To).WithMany().HasForeignKey(x => x.ToId).OnDelete(DeleteBehavior.NoAction);
    }
}

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> b)
    {
        b.HasIndex(x => x.Code).IsUnique();
        b.HasMany(x => x.Aliases).WithOne(x => x.Region).HasForeignKey(x => x.RegionId);
        b.HasMany(x => x.Prefectures).WithOne().HasForeignKey(x => x.RegionId);
        b.HasMany(x => x.Fields).WithOne().HasForeignKey(x => x.RegionId);
        b.HasMany(x => x.Proposers).WithOne().HasForeignKey(x => x.RegionId);
        b.HasMany(x => x.Participations).WithOne(x => x.Region).HasForeignKey(x => x.RegionId);
    }
}

internal sealed class RegionAliasConfiguration : IEntityTypeConfiguration<RegionAlias>
{
    public void Configure(EntityTypeBuilder<RegionAlias> b) => b.HasIndex(x => x.NormalizedName);
}

internal sealed class RegionPrefectureConfiguration : IEntityTypeConfiguration<RegionPrefecture>
{
    public void Configure(EntityTypeBuilder<RegionPrefecture> b) => b.HasIndex(x => new { x.Prefecture, x.RegionId });
}

internal sealed class RegionFieldConfiguration : IEntityTypeConfiguration<RegionField>
{
    public void Configure(EntityTypeBuilder<RegionField> b) => b.HasIndex(x => new { x.Field, x.RegionId });
}

internal sealed class ParticipationConfiguration : IEntityTypeConfiguration<Participation>
{
    public void Configure(EntityTypeBuilder<Participation> b)
    {
        b.HasIndex(x => new { x.ProgrammeId, x.StartFiscalYear });
        // Covers a region's projects by programme and term: the search facets' per-region aggregate reads this index
        // alone instead of a million rows, and "regions in programme P" looks up (region, programme) directly.
        b.HasIndex(x => new { x.RegionId, x.ProgrammeId, x.StartFiscalYear, x.EndFiscalYear });
        // A region's first projects by term (its page) come straight off this index, without sorting its hundreds.
        b.HasIndex(x => new { x.RegionId, x.StartFiscalYear, x.ListNo });
        // A region's latest labelled project (what the map colours it by) straight off an index: found by sorting each
        // region's projects with the labelled first, the map of 3,333 regions took 5 s at 1M projects.
        b.HasIndex(x => new { x.RegionId, x.StartFiscalYear, x.ListNo }, "IX_Participations_Labelled").HasFilter("\"GroupLabel\" IS NOT NULL");
        b.HasOne(x => x.Programme).WithMany().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.NoAction);
    }
}

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> b) => b.HasIndex(x => x.Code).IsUnique();
}

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.HasIndex(x => x.Code).IsUnique();
        b.HasMany(x => x.Roles).WithOne(x => x.Person).HasForeignKey(x => x.PersonId);
    }
}

internal sealed class RoleAssignmentConfiguration : IEntityTypeConfiguration<RoleAssignment>
{
    public void Configure(EntityTypeBuilder<RoleAssignment> b)
    {
        b.HasIndex(x => new { x.RegionId, x.Title });
        // A region's roles by date (its page shows the first ones) and the organisations of those roles, read from
        // the index alone: at national scale a region has hundreds of roles.
        b.HasIndex(x => new { x.RegionId, x.FromDate, x.OrganisationId });
        // The search facets' look-ups of the regions (and dates) of matched people and organisations, read from the
        // index alone: a thousand matched organisations have ten thousand roles, and fetching each row cost 30 ms.
        b.HasIndex(x => new { x.OrganisationId, x.RegionId });
        b.HasIndex(x => new { x.PersonId, x.RegionId, x.FromDate, x.ToDate });
        b.HasOne(x => x.Region).WithMany().HasForeignKey(x => x.RegionId).OnDelete(DeleteBehavior.NoAction);
        b.HasOne(x => x.Organisation).WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.NoAction);
    }
}

internal sealed class InternationalLinkConfiguration : IEntityTypeConfiguration<InternationalLink>
{
    public void Configure(EntityTypeBuilder<InternationalLink> b)
    {
        b.HasIndex(x => new { x.RegionId, x.CountryCode });
        b.HasIndex(x => new { x.RegionId, x.Id }); // a region's first links by id (its page), as for indicator values
        b.HasIndex(x => x.CountryCode);
        b.HasOne(x => x.PartnerOrganisation).WithMany().HasForeignKey(x => x.PartnerOrganisationId).OnDelete(DeleteBehavior.NoAction);
    }
}

internal sealed class IndustrialClusterConfiguration : IEntityTypeConfiguration<IndustrialClusterProject>
{
    public void Configure(EntityTypeBuilder<IndustrialClusterProject> b) => b.HasIndex(x => x.Code).IsUnique();
}

internal sealed class EventConfiguration : IEntityTypeConfiguration<Event>
{
    public void Configure(EntityTypeBuilder<Event> b)
    {
        b.HasIndex(x => x.Code).IsUnique();
        b.HasIndex(x => x.StartDate);
        b.HasOne(x => x.Programme).WithMany().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.NoAction);
    }
}

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> b) => b.HasIndex(x => x.Code).IsUnique();
}

internal sealed class ObservationConfiguration : IEntityTypeConfiguration<IndicatorObservation>
{
    public void Configure(EntityTypeBuilder<IndicatorObservation> b)
    {
        b.HasIndex(x => new { x.IndicatorId, x.FiscalYearFrom });
        b.HasIndex(x => new { x.RegionId, x.IndicatorId });
        // A region's first values by id (its page): without it PostgreSQL walks the primary key and filters, reading
        // ~5,000 rows at 100k projects and ~80,000 at 1M for 25 values of one region.
        b.HasIndex(x => new { x.RegionId, x.Id });
        b.HasIndex(x => new { x.ProgrammeId, x.IndicatorId });
        b.HasOne(x => x.Programme).WithMany().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.NoAction);
        b.HasOne(x => x.Region).WithMany().HasForeignKey(x => x.RegionId).OnDelete(DeleteBehavior.NoAction);
    }
}

internal sealed class SurveyConfiguration : IEntityTypeConfiguration<Survey>
{
    public void Configure(EntityTypeBuilder<Survey> b)
    {
        b.HasIndex(x => x.Code).IsUnique();
        b.HasMany(x => x.Answers).WithOne().HasForeignKey(x => x.SurveyId);
        b.HasOne(x => x.Programme).WithMany().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.NoAction);
    }
}

internal sealed class SearchEntryConfiguration : IEntityTypeConfiguration<SearchEntry>
{
    public void Configure(EntityTypeBuilder<SearchEntry> b) => b.HasIndex(x => new { x.EntityType, x.EntityId }).IsUnique();
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<Audit.AuditEntry>
{
    public void Configure(EntityTypeBuilder<Audit.AuditEntry> b)
    {
        // UTC ticks: SQLite cannot compare DateTimeOffset values in SQL, and as-of views and diffs filter by time.
        b.Property(x => x.At).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
        b.Property(x => x.Actor).HasMaxLength(256);
        b.Property(x => x.SubjectType).HasMaxLength(64);
        b.Property(x => x.SubjectKey).HasMaxLength(200);
        b.Property(x => x.Origin).HasMaxLength(400);
        b.HasIndex(x => new { x.SubjectType, x.SubjectKey, x.At });
        b.HasIndex(x => x.At);
    }
}

internal sealed class ChangeRequestConfiguration : IEntityTypeConfiguration<Editing.ChangeRequest>
{
    public void Configure(EntityTypeBuilder<Editing.ChangeRequest> b)
    {
        b.Property(x => x.SubjectType).HasMaxLength(64);
        b.Property(x => x.SubjectKey).HasMaxLength(200);
        b.Property(x => x.OpenLock).HasMaxLength(300);
        b.Property(x => x.AuthorId).HasMaxLength(450);
        b.Property(x => x.AuthorEmail).HasMaxLength(256);
        b.Property(x => x.ReviewerEmail).HasMaxLength(256);
        b.Property(x => x.CitationSourceId).HasMaxLength(200);
        b.Property(x => x.CitationUrl).HasMaxLength(2000);
        b.Property(x => x.CitationPage).HasMaxLength(50);
        b.Property(x => x.Revision).IsConcurrencyToken();
        b.HasIndex(x => x.OpenLock).IsUnique();
        b.HasIndex(x => new { x.SubjectType, x.SubjectKey });
        b.HasIndex(x => new { x.Status, x.Id });
    }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<Accounts.ApiToken>
{
    public void Configure(EntityTypeBuilder<Accounts.ApiToken> b)
    {
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Prefix).HasMaxLength(16);
        b.Property(x => x.Hash).HasMaxLength(64);
        b.HasIndex(x => x.Hash).IsUnique();
        b.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EditorScopeConfiguration : IEntityTypeConfiguration<Accounts.EditorScope>
{
    public void Configure(EntityTypeBuilder<Accounts.EditorScope> b)
    {
        b.HasOne<Accounts.AtlasUser>().WithMany(u => u.Scopes).HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.RegionCode).HasMaxLength(100);
        b.Property(x => x.OrganisationCode).HasMaxLength(100);
    }
}
