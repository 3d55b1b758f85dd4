using ChatCrm.Core.Reports;

namespace ChatCrm.Core.Store;

/// <summary>The latest revision of each metric an admin changed; metrics never changed have none.</summary>
public interface IMetricDefinitions
{
    MetricRevision? Find(string metricId);

    void Save(MetricRevision revision);
}
