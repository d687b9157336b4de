"""Pages of the core that every app's work leads to."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import render

from .jobs import Job


@login_required
def job_status(request, job_id):
    """How far a background job got, for the person who started it; anyone else gets the
    answer of a missing job. Refreshes itself until the job ends (no script needed)."""
    job = Job.objects.filter(pk=job_id, owner=request.user).first()
    if job is None:
        raise Http404
    if request.GET.get("format") == "json":
        return JsonResponse(
            {
                "state": job.state,
                "done": job.done,
                "total": job.total,
                "message": job.message,
                "result_url": job.result_url,
            }
        )
    response = render(request, "eios/job.html", {"job": job})
    response["Cache-Control"] = "private, no-store"
    return response
