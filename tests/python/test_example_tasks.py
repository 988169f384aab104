"""The bundled 20-task example: grouped at its threshold, it is the reference-like example."""

import numpy as np

from headwidget import EXAMPLE_TASKS, example_labels, example_task_scores
from headwidget.data import HeadData
from headwidget.tasks import TaskGroups


def test_twenty_tasks_in_four_categories_as_the_reference_paper_groups_them():
    scores, tasks, groups = example_task_scores()
    assert scores.shape == (32, 32, 20) and scores.dtype == np.float32
    counts = {category: len(names) for category, names in EXAMPLE_TASKS.items()}
    assert counts == {"Algorithmic": 5, "Knowledge": 5, "Linguistic": 8, "Translation": 2}
    assert TaskGroups.build(tasks, groups).categories == ("Algorithmic", "Knowledge", "Linguistic", "Translation")


def test_grouped_at_the_threshold_the_tasks_give_the_example_labels():
    scores, tasks, groups = example_task_scores(24, 16, seed=3)
    data = HeadData.from_scores(scores, tasks, groups=groups)
    labels = data.labels_for(0.5, None)
    expected = example_labels(24, 16, seed=3)
    for c, category in enumerate(data.categories):
        assert np.array_equal(labels[..., c], expected[category]), category
    # and it is the tasks that put them there: every task is used, each head by its own tasks
    per_task = data.task_labels_for(0.5, None)
    assert per_task.any(axis=(0, 1)).all()


def test_the_same_seed_gives_the_same_scores():
    a, b = example_task_scores(seed=7)[0], example_task_scores(seed=7)[0]
    assert np.array_equal(a, b) and not np.array_equal(a, example_task_scores(seed=8)[0])
