{{/* The chart name, overridable. */}}
{{- define "cotalk.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* The prefix of every resource name: the release name, plus the chart name unless it is in there already. */}}
{{- define "cotalk.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* The name of one service's resources: <fullname>-<key>-service. Call with (dict "root" $ "key" "chat"). */}}
{{- define "cotalk.serviceName" -}}
{{- printf "%s-%s-service" (include "cotalk.fullname" .root) .key -}}
{{- end -}}

{{/* In-cluster base URL of one service. Call with (dict "root" $ "key" "chat"). */}}
{{- define "cotalk.serviceUrl" -}}
{{- $svc := index .root.Values.services .key -}}
{{- printf "http://%s:%v" (include "cotalk.serviceName" .) $svc.port -}}
{{- end -}}

{{/* Labels on every resource. */}}
{{- define "cotalk.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
app.kubernetes.io/name: {{ include "cotalk.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: cotalk
{{- end -}}

{{/* Selector labels of one service. Call with (dict "root" $ "key" "chat"). */}}
{{- define "cotalk.selectorLabels" -}}
app.kubernetes.io/name: {{ include "cotalk.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .key }}-service
{{- end -}}

{{/* Selector of every pod of the release. */}}
{{- define "cotalk.releaseSelectorLabels" -}}
app.kubernetes.io/name: {{ include "cotalk.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* The Secret the pods read: the user's existing one, or the chart's. */}}
{{- define "cotalk.secretName" -}}
{{- if .Values.secrets.existingSecret -}}
{{- .Values.secrets.existingSecret -}}
{{- else -}}
{{- printf "%s-secrets" (include "cotalk.fullname" .) -}}
{{- end -}}
{{- end -}}

{{/* The image of one service. Call with (dict "root" $ "svc" $svc). */}}
{{- define "cotalk.image" -}}
{{- $tag := .svc.image.tag | default .root.Values.image.tag | default .root.Chart.AppVersion -}}
{{- if .root.Values.image.registry -}}
{{- printf "%s/%s:%s" .root.Values.image.registry .svc.image.repository $tag -}}
{{- else -}}
{{- printf "%s:%s" .svc.image.repository $tag -}}
{{- end -}}
{{- end -}}

{{/* The ServiceAccount name. */}}
{{- define "cotalk.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "cotalk.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* Whether one service runs 2+ replicas (so that a PodDisruptionBudget lets nodes drain). */}}
{{- define "cotalk.multiReplica" -}}
{{- if .autoscaling.enabled -}}
{{- if ge (int .autoscaling.minReplicas) 2 -}}true{{- end -}}
{{- else if ge (int .replicaCount) 2 -}}true{{- end -}}
{{- end -}}

{{/* The Secret holding internal-token: the existing one, the chart's, or the one generated at install. */}}
{{- define "cotalk.internalTokenSecretName" -}}
{{- if or .Values.secrets.existingSecret .Values.secrets.internalToken -}}
{{- include "cotalk.secretName" . -}}
{{- else -}}
{{- printf "%s-internal-token" (include "cotalk.fullname" .) -}}
{{- end -}}
{{- end -}}

{{/* The Secret with notification-service's push credentials. */}}
{{- define "cotalk.pushSecretName" -}}
{{- .Values.push.existingSecret | default (printf "%s-push" (include "cotalk.fullname" .)) -}}
{{- end -}}
